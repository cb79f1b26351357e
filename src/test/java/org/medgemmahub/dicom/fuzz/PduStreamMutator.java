package org.medgemmahub.dicom.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.medgemmahub.dicom.data.TransferSyntax;
import org.medgemmahub.dicom.net.AssociateRequest;
import org.medgemmahub.dicom.net.CommandSet;
import org.medgemmahub.dicom.net.DataTransfer;
import org.medgemmahub.dicom.net.PduWriter;
import org.medgemmahub.dicom.net.Pdv;
import org.medgemmahub.dicom.net.PresentationContext;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.dicom.net.ReleaseRequest;

/**
 * Seeded byte streams an SCU could send an SCP: a valid A-ASSOCIATE-RQ cut short or with flipped bits, then random
 * PDU types and lengths (0xFFFFFFFF among them), P-DATA-TF cut short, PDVs longer than their PDU, A-RELEASE-RQ in the
 * middle of a message, flipped bits in a whole session, garbage without any request, and valid sessions as controls.
 * The same seed always gives the same streams.
 */
final class PduStreamMutator {
    static final String SCP_AE = "FUZZSCP";
    static final int STORE_CONTEXT = 3;
    private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    private static final long[] HUGE_LENGTHS = {0xFFFFFFFFL, 0xFFFFFFF0L, 0x80000000L, 0x7FFFFFFFL, 16385, 65537};

    /** One stream and the kind of damage done to it. */
    record Case(int index, String kind, byte[] bytes) {
    }

    private final Random random;
    private final byte[] request;
    private int index;

    PduStreamMutator(long seed) {
        this.random = new Random(seed);
        this.request = PduWriter.encode(new AssociateRequest(1, SCP_AE, "PDUFUZZ", AssociateRequest.DICOM_APPLICATION_CONTEXT,
                List.of(ProposedContexts.verification(1),
                        new PresentationContext(STORE_CONTEXT, SECONDARY_CAPTURE, List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()))),
                16384, "1.2.3.4", "PDUFUZZ"));
    }

    Case next() {
        String kind;
        byte[] bytes;
        switch (random.nextInt(11)) {
            case 0 -> { kind = "request-truncated"; bytes = Arrays.copyOf(request, 1 + random.nextInt(request.length - 1)); }
            case 1 -> { kind = "request-bit-flips"; bytes = concat(flip(request, 1 + random.nextInt(8)), echo(), release()); }
            case 2 -> { kind = "request-then-garbage"; bytes = concat(request, random(1 + random.nextInt(4096))); }
            case 3 -> { kind = "random-pdu"; bytes = concat(request, pdu(random.nextInt(256), randomLength(), random(random.nextInt(512)))); }
            case 4 -> { kind = "huge-length"; bytes = concat(request, pdu(1 + random.nextInt(7), HUGE_LENGTHS[random.nextInt(HUGE_LENGTHS.length)], random(random.nextInt(64)))); }
            case 5 -> { kind = "p-data-truncated"; bytes = concat(request, cut(store(1 + random.nextInt(3000)))); }
            case 6 -> { kind = "pdv-overrun"; bytes = concat(request, pdvOverrun()); }
            case 7 -> { kind = "interleaved-release"; bytes = concat(request, interleavedRelease()); }
            case 8 -> { kind = "session-bit-flips"; bytes = concat(request, flip(concat(echo(), store(200 + random.nextInt(2000)), release()), 1 + random.nextInt(8))); }
            case 9 -> { kind = "garbage-without-request"; bytes = random(1 + random.nextInt(2048)); }
            default -> { kind = "valid-session"; bytes = concat(request, echo(), store(1 + random.nextInt(5000)), release()); }
        }
        return new Case(index++, kind, bytes);
    }

    private long randomLength() {
        return switch (random.nextInt(4)) {
            case 0 -> 0xFFFFFFFFL;
            case 1 -> random.nextInt(1 << 20);
            default -> random.nextInt(600);
        };
    }

    private byte[] echo() {
        return PduWriter.encode(new DataTransfer(List.of(new Pdv(1, true, true, CommandSet.echoRequest(1).encode()))));
    }

    /** A C-STORE of a secondary capture: the command, then the "data set" (random bytes) in 1 to 3 PDUs. */
    private byte[] store(int dataLength) {
        String uid = "1.2.826.0.1.3680043.10.1." + random.nextInt(Integer.MAX_VALUE);
        byte[] command = PduWriter.encode(new DataTransfer(List.of(new Pdv(STORE_CONTEXT, true, true,
                CommandSet.storeRequest(2, SECONDARY_CAPTURE, uid).encode()))));
        byte[] data = random(dataLength);
        int cut = data.length / 2;
        return concat(command,
                PduWriter.encode(new DataTransfer(List.of(new Pdv(STORE_CONTEXT, false, false, Arrays.copyOf(data, cut))))),
                PduWriter.encode(new DataTransfer(List.of(new Pdv(STORE_CONTEXT, false, true, Arrays.copyOfRange(data, cut, data.length))))));
    }

    private byte[] release() {
        return PduWriter.encode(new ReleaseRequest());
    }

    /** A-RELEASE-RQ after the first fragment of a command, or of a data set, or (valid) between two messages. */
    private byte[] interleavedRelease() {
        byte[] command = CommandSet.echoRequest(1).encode();
        return switch (random.nextInt(3)) {
            case 0 -> concat(PduWriter.encode(new DataTransfer(List.of(new Pdv(1, true, false, Arrays.copyOf(command, command.length / 2))))),
                    release(), PduWriter.encode(new DataTransfer(List.of(new Pdv(1, true, true,
                            Arrays.copyOfRange(command, command.length / 2, command.length))))));
            case 1 -> {
                byte[] store = store(1000);
                int firstDataPdu = store.length - (6 + 6 + 500) * 2;
                yield concat(Arrays.copyOf(store, firstDataPdu + 6 + 6 + 500), release(), Arrays.copyOfRange(store, firstDataPdu + 6 + 6 + 500, store.length));
            }
            default -> concat(echo(), release(), echo());
        };
    }

    /** A P-DATA-TF whose (first or second) PDV declares more bytes than the PDU holds. */
    private byte[] pdvOverrun() {
        byte[] echo = echo();
        ByteBuffer pdu = ByteBuffer.wrap(echo.clone());
        int claimed = (int) (pdu.getInt(6) + 1 + random.nextInt(random.nextBoolean() ? 10 : Integer.MAX_VALUE - pdu.getInt(6) - 1));
        pdu.putInt(6, random.nextInt(8) == 0 ? -1 : claimed);
        return pdu.array();
    }

    /** Everything but a random tail: the peer stops sending in the middle of a PDU. */
    private byte[] cut(byte[] bytes) {
        return Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
    }

    private static byte[] pdu(int type, long length, byte[] body) {
        return concat(new byte[] {(byte) type, 0}, ByteBuffer.allocate(4).putInt((int) length).array(), body);
    }

    private byte[] flip(byte[] bytes, int flips) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < flips; i++) copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private byte[] random(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
