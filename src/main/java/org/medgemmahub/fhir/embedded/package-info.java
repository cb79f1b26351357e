/**
 * The embedded FHIR R4 server at {@code /fhir}: a HAPI plain server the hub serves when no external FHIR server is configured,
 * so the whole flow works from one command. A single-machine convenience, not a clinical FHIR server.
 *
 * <h2>Resources and interactions</h2>
 * Observation, Provenance, Device, Patient, DiagnosticReport, Media and Binary; read, vread, create (server-assigned UUID ids), conditional
 * create ({@code If-None-Exist}: one match is answered 200 with that resource and nothing is created, several give 412),
 * update by id (PUT creates when the id is new), search, and system-level transaction and batch bundles. Every write sets
 * {@code meta.versionId} and {@code meta.lastUpdated}; {@code lastUpdated} strictly increases across writes. There is no delete,
 * no history interaction, no {@code If-Match}, no conditional update and no {@code _include}.
 *
 * <h2>Extensions: the DiagnosticReport intake</h2>
 * Beans implementing {@link org.medgemmahub.fhir.embedded.FhirServerExtension} add providers and interceptors to this server,
 * take over the create of some types and see every bundle POSTed to the base first. The FHIR intake
 * ({@code org.medgemmahub.fhir.intake}) takes DiagnosticReport create ({@code POST /fhir/DiagnosticReport} is answered 202 and
 * queued, not stored; {@code PUT /fhir/DiagnosticReport/{id}} still stores) and bundles holding a DiagnosticReport. Media and
 * Binary are stored too, so reports' references can be read back.
 *
 * <h2>Search</h2>
 * Parameters per type are listed in {@link org.medgemmahub.fhir.embedded.SearchParameterCatalog} and in the capability
 * statement. Repeated parameters are ANDed, comma-separated values ORed. Results come newest {@code _lastUpdated} first
 * ({@code _sort=_lastUpdated} reverses), in pages of {@code _count} (default 50, at most 500). A parameter, modifier, chain or
 * sort the server does not know answers 400 with an OperationOutcome, never an ignored criterion ({@code _format},
 * {@code _pretty}, {@code _summary}, {@code _elements} and {@code _total} are accepted). Reference parameters take
 * {@code Type/id}, {@code id} or {@code :Type}; {@code :identifier} matches a logical reference's identifier; the chain
 * {@code .identifier} matches a logical reference's identifier or a literal reference to a stored resource with that
 * identifier.
 *
 * <h2>Transactions</h2>
 * See {@link org.medgemmahub.fhir.embedded.TransactionProcessor}: all or nothing, {@code urn:uuid:} placeholders resolved
 * (also to a resource a conditional create matched), writes on disk before the answer; the answer lists status, location
 * ({@code Type/id/_history/n}) and ETag per entry, without the resources.
 *
 * <h2>Storage</h2>
 * Write-through JSON files under {@code hub.fhir.embedded.store-dir}, loaded at start-up; see
 * {@link org.medgemmahub.fhir.embedded.ResourceFiles}. Error codes in messages start with {@code FHIR-EMB-}.
 */
package org.medgemmahub.fhir.embedded;
