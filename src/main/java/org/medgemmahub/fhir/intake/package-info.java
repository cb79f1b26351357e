/**
 * FHIR intake: DiagnosticReports from FHIR systems become inference requests on the durable requests queue.
 *
 * <h2>Paths, one normalization</h2>
 * <ul>
 *   <li>{@code POST /fhir/DiagnosticReport} (JSON or XML): {@link org.medgemmahub.fhir.intake.DiagnosticReportIntakeProvider};
 *   answered 202 with {@code Location: /api/requests/{id}} only after the request is queued.</li>
 *   <li>{@code POST /fhir} with a transaction, batch, collection or document Bundle holding DiagnosticReports:
 *   {@link org.medgemmahub.fhir.intake.IntakeServerExtension}; all reports are mapped before any is queued.</li>
 *   <li>{@code /fhir-notify}: the R4 Subscription rest-hook receiver ({@link org.medgemmahub.fhir.intake.SubscriptionHookController});
 *   named reports are read from {@code hub.fhir.subscription.source-url} with camel-fhir (route fhir-subscription); an
 *   empty notification runs one poll.</li>
 *   <li>Polling (route fhir-poll, off by default): camel-fhir search with a durable {@code _lastUpdated} watermark
 *   ({@link org.medgemmahub.fhir.intake.PollWatermark}).</li>
 * </ul>
 * All of them go through {@link org.medgemmahub.fhir.intake.DiagnosticReportIntake} (bean {@code fhirIntake}) and
 * {@link org.medgemmahub.fhir.intake.DiagnosticReportMapper}, and are queued by route fhir-intake
 * ({@code routes/fhir-intake.camel.yaml}) with {@code HubRequestId} and {@code _AMQ_DUPL_ID} = the request id
 * ({@code RequestIds.of(FHIR, report id, version)}), so the same report version is processed once.
 *
 * <h2>Sharing /fhir with the embedded store</h2>
 * The intake is a {@link org.medgemmahub.fhir.embedded.FhirServerExtension}: with the embedded store on, the one HAPI server
 * at {@code /fhir} gives DiagnosticReport create to the intake (the store keeps update, read and search of reports) and
 * offers every bundle POSTed to the base to the intake first, which takes those holding a DiagnosticReport; the rest (the
 * hub's own Device/Observation/Provenance transactions) go to the store. With the store off,
 * {@link org.medgemmahub.fhir.intake.IntakeOnlyFhirConfiguration} serves only the two intake POSTs at {@code /fhir}.
 *
 * <h2>Errors</h2>
 * HAPI's {@code InvalidRequestException} (400) and {@code UnprocessableEntityException} (422), and
 * {@link org.medgemmahub.fhir.intake.IntakeUnavailableException} (503, resend), each with a {@code FHIR-INTAKE-*} code; HAPI
 * turns them into an OperationOutcome. Nothing is queued for a refused request.
 */
package org.medgemmahub.fhir.intake;
