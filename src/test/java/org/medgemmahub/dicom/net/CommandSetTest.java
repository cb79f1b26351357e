package org.medgemmahub.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class CommandSetTest {

    @Test
    void encodesACEchoRequestInImplicitLittleEndianWithItsGroupLength() {
        byte[] bytes = CommandSet.echoRequest(7).encode();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(in.getInt()).isEqualTo(0x00000000);
        assertThat(in.getInt()).isEqualTo(4);
        assertThat(in.getInt()).isEqualTo(bytes.length - 12);
        // (0000,0002) "1.2.840.10008.1.1" padded with NUL to 18 bytes
        assertThat(in.getInt()).isEqualTo(0x00020000);
        assertThat(in.getInt()).isEqualTo(18);
        assertThat(bytes[12 + 8 + 17]).isEqualTo((byte) 0);
    }

    @Test
    void decodesAStoreRequestBackToItsFields() throws DicomProtocolException {
        CommandSet decoded = CommandSet.decode(CommandSet.storeRequest(42, "1.2.840.10008.5.1.4.1.1.7", "1.2.3.4.5").encode());

        assertThat(decoded.commandField()).isEqualTo(CommandSet.C_STORE_RQ);
        assertThat(decoded.messageId()).isEqualTo(42);
        assertThat(decoded.hasDataSet()).isTrue();
        assertThat(decoded.string(CommandSet.AFFECTED_SOP_CLASS_UID)).contains("1.2.840.10008.5.1.4.1.1.7");
        assertThat(decoded.string(CommandSet.AFFECTED_SOP_INSTANCE_UID)).contains("1.2.3.4.5");
    }

    @Test
    void answersARequestWithTheResponseFieldItsMessageIdAndTheStatus() throws DicomProtocolException {
        CommandSet request = CommandSet.storeRequest(42, "1.2.840.10008.5.1.4.1.1.7", "1.2.3.4.5");

        CommandSet response = CommandSet.decode(CommandSet.responseTo(request, Status.OUT_OF_RESOURCES).encode());

        assertThat(response.commandField()).isEqualTo(CommandSet.C_STORE_RSP);
        assertThat(response.us(CommandSet.MESSAGE_ID_BEING_RESPONDED_TO)).contains(42);
        assertThat(response.status()).isEqualTo(0xA700);
        assertThat(response.hasDataSet()).isFalse();
        assertThat(response.string(CommandSet.AFFECTED_SOP_INSTANCE_UID)).contains("1.2.3.4.5");
    }

    @Test
    void refusesACommandSetWithAnotherGroupOrACutElement() {
        byte[] otherGroup = {8, 0, 0x16, 0, 2, 0, 0, 0, 1, 2};
        byte[] cut = {0, 0, 0, 1, 2, 0, 0, 0, 1};

        assertThatThrownBy(() -> CommandSet.decode(otherGroup)).isInstanceOf(DicomProtocolException.class);
        assertThatThrownBy(() -> CommandSet.decode(cut)).isInstanceOf(DicomProtocolException.class);
    }
}
