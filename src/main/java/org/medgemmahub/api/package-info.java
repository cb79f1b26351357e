/**
 * REST API: the seed-compatible {@code /api/medgemma/*} endpoints ({@code text}, {@code image}, {@code status},
 * {@code context}), guarded by the API key ({@code hub.api.key}, {@code X-API-Key} or {@code Authorization: Bearer})
 * and answering errors as JSON with their status. Interactive model calls go through the same model client as queued
 * requests ({@code medgemma.InteractiveTasks}). Uploads other than plain images (DICOM) go through
 * {@link org.medgemmahub.api.UploadedImageDecoder} beans.
 */
package org.medgemmahub.api;
