package org.medgemmahub.reliability;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * FHIR DiagnosticReports for crash tests, each for its own patient, and a sender that POSTs them to the intake as a
 * FHIR client would: a report counts as accepted on 202; whatever got no 202 is resent after the restart.
 */
final class CrashReports {
    static final String PATIENT_SYSTEM = "urn:oid:2.16.840.1.113883.19.5";

    record Report(String mrn, String json) {
    }

    private CrashReports() {
    }

    static List<Report> burst(int size) {
        List<Report> reports = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String mrn = "FR" + UUID.randomUUID().toString().substring(0, 12);
            DiagnosticReport report = new DiagnosticReport().setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
            report.getCode().addCoding(new Coding("http://loinc.org", "36643-5", "XR Chest 2 Views"));
            report.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology")));
            report.setSubject(new Reference().setType("Patient").setIdentifier(new Identifier().setSystem(PATIENT_SYSTEM).setValue(mrn)));
            report.setConclusion("Right lower lobe consolidation. Small right pleural effusion.");
            reports.add(new Report(mrn, FhirContext.forR4Cached().newJsonParser().encodeResourceToString(report)));
        }
        return reports;
    }

    /** Posts reports in order until the hub stops answering, remembering which got 202. */
    static final class Sender {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI intake;
        private final List<Report> reports;
        private final AtomicIntegerArray accepted;

        Sender(String fhirBase, List<Report> reports) {
            this.intake = URI.create(fhirBase + "/DiagnosticReport");
            this.reports = reports;
            this.accepted = new AtomicIntegerArray(reports.size());
        }

        /**
         * Posts reports in order until the hub stops answering, remembering which got 202; report {@code i} waits until
         * {@code progress} has reached {@code i * span / n} (or {@code killed} says the hub is gone), so the reports
         * spread over the whole burst and a kill lands among them.
         */
        void sendPaced(IntSupplier progress, int span, BooleanSupplier killed) {
            for (int i = 0; i < reports.size(); i++) {
                int due = (int) ((long) i * span / reports.size());
                Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(2))
                        .until(() -> progress.getAsInt() >= due || killed.getAsBoolean());
                try {
                    if (post(reports.get(i)) == 202) accepted.set(i, 1);
                } catch (IOException hubGone) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** After the restart: resends every report without a 202; each must now be accepted. */
        int resendUnaccepted() throws IOException, InterruptedException {
            int resent = 0;
            for (int i = 0; i < reports.size(); i++) {
                if (accepted.get(i) == 1) continue;
                int status = post(reports.get(i));
                if (status != 202) throw new AssertionError("report " + i + " resent after the restart got " + status);
                resent++;
            }
            return resent;
        }

        private int post(Report report) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(intake).header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(report.json())).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
