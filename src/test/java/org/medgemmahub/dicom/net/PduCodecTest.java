package org.medgemmahub.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PduCodecTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String ELE = "1.2.840.10008.1.2.1";
    static final String ILE = "1.2.840.10008.1.2";

    static AssociateRequest ctRequest() {
        return new AssociateRequest(1, "MEDGEMMA", "MODALITY1", AssociateRequest.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContext(1, "1.2.840.10008.1.1", List.of(ILE)), new PresentationContext(3, CT, List.of(ELE, ILE))),
                16384, "1.2.3.4", "SCU_1");
    }

    static Pdu roundTrip(Pdu pdu) throws IOException {
        return new PduReader(new ByteArrayInputStream(PduWriter.encode(pdu)), 1 << 20).read();
    }

    @Test
    void encodesAnAssociateRequestWithPaddedAeTitlesAndDecodesItBack() throws IOException {
        byte[] bytes = PduWriter.encode(ctRequest());

        assertThat(bytes[0]).isEqualTo((byte) 0x01);
        assertThat(new String(bytes, 10, 16)).isEqualTo("MEDGEMMA        ");
        assertThat(new String(bytes, 26, 16)).isEqualTo("MODALITY1       ");
        assertThat(roundTrip(ctRequest())).isEqualTo(ctRequest());
    }

    @Test
    void decodesAnAssociateAcceptWithOneResultPerContext() throws IOException {
        AssociateAccept ac = new AssociateAccept("MEDGEMMA", "MODALITY1", AssociateRequest.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextResult(1, 0, ILE), new PresentationContextResult(3, 4, ELE)), 65536, "1.2.3", "HUB");

        AssociateAccept decoded = (AssociateAccept) roundTrip(ac);

        assertThat(decoded).isEqualTo(ac);
        assertThat(decoded.result(3)).get().extracting(PresentationContextResult::accepted).isEqualTo(false);
    }

    @Test
    void encodesRejectReleaseAndAbortInTheirTenByteForm() throws IOException {
        assertThat(PduWriter.encode(AssociateReject.callingAeNotRecognized())).containsExactly(3, 0, 0, 0, 0, 4, 0, 1, 1, 3);
        assertThat(PduWriter.encode(new ReleaseRequest())).containsExactly(5, 0, 0, 0, 0, 4, 0, 0, 0, 0);
        assertThat(PduWriter.encode(Abort.byProvider(Abort.UNEXPECTED_PDU))).containsExactly(7, 0, 0, 0, 0, 4, 0, 0, 2, 2);
        assertThat(roundTrip(AssociateReject.localLimitExceeded())).isEqualTo(new AssociateReject(2, 3, 2));
        assertThat(roundTrip(new ReleaseResponse())).isInstanceOf(ReleaseResponse.class);
    }

    @Test
    void keepsSeveralPdvsOfOnePDataTfWithTheirControlBits() throws IOException {
        DataTransfer data = new DataTransfer(List.of(new Pdv(1, true, true, new byte[] {1, 2}), new Pdv(3, false, false, new byte[] {9})));

        DataTransfer decoded = (DataTransfer) roundTrip(data);

        assertThat(decoded.pdvs()).hasSize(2);
        assertThat(decoded.pdvs().get(0)).satisfies(p -> {
            assertThat(p.command()).isTrue();
            assertThat(p.last()).isTrue();
            assertThat(p.data()).containsExactly(1, 2);
        });
        assertThat(decoded.pdvs().get(1)).satisfies(p -> {
            assertThat(p.contextId()).isEqualTo(3);
            assertThat(p.command()).isFalse();
            assertThat(p.last()).isFalse();
        });
    }

    @Nested
    class Malformed {
        @Test
        void rejectsAnUnknownPduTypeAsUnrecognized() {
            byte[] garbage = {0x4A, 0, 0, 0, 0, 2, 1, 2};

            assertThatThrownBy(() -> new PduReader(new ByteArrayInputStream(garbage), 16384).read())
                    .isInstanceOfSatisfying(DicomProtocolException.class, e -> assertThat(e.abortReason()).isEqualTo(Abort.UNRECOGNIZED_PDU));
        }

        @Test
        void rejectsAPDataTfAboveTheAnnouncedMaximumBeforeReadingIt() {
            byte[] header = {4, 0, 0, 1, 0, 0};

            assertThatThrownBy(() -> new PduReader(new ByteArrayInputStream(header), 16384).read())
                    .isInstanceOfSatisfying(DicomProtocolException.class,
                            e -> assertThat(e.abortReason()).isEqualTo(Abort.INVALID_PDU_PARAMETER_VALUE));
        }

        @Test
        void rejectsAPdvLongerThanItsPdu() {
            byte[] pdu = {4, 0, 0, 0, 0, 8, 0, 0, 0, 100, 1, 3, 7, 7};

            assertThatThrownBy(() -> new PduReader(new ByteArrayInputStream(pdu), 16384).read())
                    .isInstanceOf(DicomProtocolException.class).hasMessageContaining("PDV length");
        }

        @Test
        void rejectsAPduCutShortByTheEndOfTheStream() {
            byte[] full = PduWriter.encode(ctRequest());
            byte[] cut = java.util.Arrays.copyOf(full, full.length - 10);

            assertThatThrownBy(() -> new PduReader(new ByteArrayInputStream(cut), 16384).read())
                    .isInstanceOf(DicomProtocolException.class).hasMessageContaining("truncated");
        }

        @Test
        void rejectsAnItemLongerThanTheAssociateRequest() {
            byte[] pdu = PduWriter.encode(ctRequest());
            pdu[6 + 68 + 2] = 0x7F; // length of the application context item

            assertThatThrownBy(() -> new PduReader(new ByteArrayInputStream(pdu), 16384).read())
                    .isInstanceOf(DicomProtocolException.class).hasMessageContaining("item length");
        }
    }
}
