package org.medgemmahub.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssociationNegotiatorTest {
    static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    static final String JPEG_LS = "1.2.840.10008.1.2.4.80";
    static final String ELE = "1.2.840.10008.1.2.1";

    static ScpSettings settings(Set<String> allowed) {
        return new ScpSettings("MEDGEMMA", allowed, 32768, Duration.ofSeconds(5), Duration.ofSeconds(5), 16);
    }

    static AssociateRequest request(String called, String calling, PresentationContext... contexts) {
        return new AssociateRequest(1, called, calling, AssociateRequest.DICOM_APPLICATION_CONTEXT, List.of(contexts), 16384, "1.2.3", "");
    }

    @Test
    void acceptsTheFirstDecodableSyntaxAndAnnouncesItsMaxPduLength() {
        Pdu answer = new AssociationNegotiator(settings(Set.of()))
                .negotiate(request("MEDGEMMA", "ANY", new PresentationContext(1, SC, List.of(JPEG_LS, ELE))));

        assertThat(answer).isInstanceOfSatisfying(AssociateAccept.class, ac -> {
            assertThat(ac.results()).containsExactly(new PresentationContextResult(1, PresentationContextResult.ACCEPTANCE, ELE));
            assertThat(ac.maxPduLength()).isEqualTo(32768);
        });
    }

    @Test
    void declinesAContextOfferedOnlyInJpegLs() {
        AssociateAccept ac = (AssociateAccept) new AssociationNegotiator(settings(Set.of()))
                .negotiate(request("MEDGEMMA", "ANY", new PresentationContext(1, SC, List.of(JPEG_LS))));

        assertThat(ac.results().get(0).result()).isEqualTo(PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED);
    }

    @Test
    void declinesANonImageAbstractSyntax() {
        String structuredReport = "1.2.840.10008.5.1.4.1.1.88.11";
        AssociateAccept ac = (AssociateAccept) new AssociationNegotiator(settings(Set.of()))
                .negotiate(request("MEDGEMMA", "ANY", new PresentationContext(1, structuredReport, List.of(ELE))));

        assertThat(ac.results().get(0).result()).isEqualTo(PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED);
    }

    @Test
    void rejectsAnotherCalledAeTitleWithReasonSeven() {
        Pdu answer = new AssociationNegotiator(settings(Set.of())).negotiate(request("OTHER", "ANY", new PresentationContext(1, SC, List.of(ELE))));

        assertThat(answer).isEqualTo(new AssociateReject(1, 1, 7));
    }

    @Test
    void rejectsACallingAeOutsideTheAllowListWithReasonThree() {
        AssociationNegotiator negotiator = new AssociationNegotiator(settings(Set.of("PACS1")));

        assertThat(negotiator.negotiate(request("MEDGEMMA", "INTRUDER", new PresentationContext(1, SC, List.of(ELE)))))
                .isEqualTo(new AssociateReject(1, 1, 3));
        assertThat(negotiator.negotiate(request("MEDGEMMA", "PACS1", new PresentationContext(1, SC, List.of(ELE)))))
                .isInstanceOf(AssociateAccept.class);
    }

    @Test
    void rejectsAnotherApplicationContext() {
        AssociateRequest rq = new AssociateRequest(1, "MEDGEMMA", "ANY", "1.2.3.4", List.of(new PresentationContext(1, SC, List.of(ELE))), 0, "1", "");

        assertThat(new AssociationNegotiator(settings(Set.of())).negotiate(rq)).isEqualTo(AssociateReject.applicationContextNotSupported());
    }
}
