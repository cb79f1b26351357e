/**
 * REST API: the seed-compatible {@code /api/medgemma/*} endpoints and admin endpoints (dead letters, replay).
 * Filled by the MedGemma client work; the HL7 flow does not depend on it.
 */
package org.medgemmahub.api;
