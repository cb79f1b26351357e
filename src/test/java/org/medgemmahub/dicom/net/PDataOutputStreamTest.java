package org.medgemmahub.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How commands and data sets are cut into P-DATA-TF PDUs for the peer's announced maximum. */
class PDataOutputStreamTest {

    /** Found by PduStreamFuzzTest (request-bit-flips): a flipped max PDU length made every response allocate it. */
    @Test
    void answersAPeerAnnouncingAHugeMaxPduLengthWithoutABufferOfThatSize() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] response = CommandSet.responseTo(CommandSet.echoRequest(1), Status.SUCCESS).encode();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());

        List<Pdv> sent = send(256 << 20, response);

        assertThat(threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before).isLessThan(1 << 20);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).data()).isEqualTo(response);
    }

    @Test
    void cutsADataSetIntoPdusOfAtMostAMegabyteWhenThePeerAllowsMore() throws IOException {
        byte[] dataSet = new byte[3 << 20];
        new Random(3).nextBytes(dataSet);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (PDataOutputStream out = new PDataOutputStream(new PduWriter(wire), 3, false, Integer.MAX_VALUE)) {
            out.write(dataSet);
        }

        List<Pdv> sent = read(wire.toByteArray(), Integer.MAX_VALUE);

        assertThat(sent).hasSize(4);
        assertThat(sent.subList(0, 3)).allSatisfy(pdv -> assertThat(pdv.data()).hasSize(PDataOutputStream.MAX_FRAGMENT_PDU - Pdv.HEADER_LENGTH));
        assertThat(concat(sent)).isEqualTo(dataSet);
    }

    @Test
    void sendsOneBytePdvsToAPeerWhoseMaxPduLengthCannotHoldAPdvHeader() throws IOException {
        byte[] response = CommandSet.responseTo(CommandSet.echoRequest(1), Status.SUCCESS).encode();

        List<Pdv> sent = send(3, response);

        assertThat(sent).hasSize(response.length).allSatisfy(pdv -> assertThat(pdv.data()).hasSize(1));
        assertThat(concat(sent)).isEqualTo(response);
        assertThat(sent.get(sent.size() - 1).last()).isTrue();
    }

    @Test
    void usesSixtyFourKilobytePdusForAPeerWithoutALimit() {
        assertThat(PDataOutputStream.fragmentLength(0)).isEqualTo(64 * 1024 - Pdv.HEADER_LENGTH);
        assertThat(PDataOutputStream.fragmentLength(16384)).isEqualTo(16384 - Pdv.HEADER_LENGTH);
        assertThat(PDataOutputStream.fragmentLength(-1)).isEqualTo(PDataOutputStream.MAX_FRAGMENT_PDU - Pdv.HEADER_LENGTH);
    }

    private static List<Pdv> send(int peerMaxPduLength, byte[] bytes) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        PDataOutputStream.send(new PduWriter(wire), 1, true, peerMaxPduLength, bytes);
        return read(wire.toByteArray(), Integer.MAX_VALUE);
    }

    private static List<Pdv> read(byte[] wire, int maxPduLength) throws IOException {
        PduReader reader = new PduReader(new ByteArrayInputStream(wire), maxPduLength);
        List<Pdv> pdvs = new ArrayList<>();
        while (true) {
            try {
                pdvs.addAll(((DataTransfer) reader.read()).pdvs());
            } catch (EOFException end) {
                return pdvs;
            }
        }
    }

    private static byte[] concat(List<Pdv> pdvs) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        pdvs.forEach(pdv -> all.writeBytes(pdv.data()));
        return all.toByteArray();
    }
}
