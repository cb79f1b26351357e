package org.medgemmahub.dicom.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and decodes PDUs (PS3.8 9.3). Every length is checked against what contains it; anything inconsistent, an
 * unknown PDU type, or a P-DATA-TF above the negotiated maximum is a {@link DicomProtocolException} naming the A-ABORT
 * reason, so a malformed peer costs one association and never memory beyond the limits.
 */
public final class PduReader {
    /** Largest association-control PDU accepted (128 presentation contexts fit easily). */
    static final int MAX_ASSOCIATION_PDU = 64 * 1024;

    private final DataInputStream in;
    private final int maxDataPduLength;

    /** @param maxDataPduLength the largest P-DATA-TF body this side announced it can receive */
    public PduReader(InputStream in, int maxDataPduLength) {
        this.in = new DataInputStream(in);
        this.maxDataPduLength = maxDataPduLength;
    }

    /** The next PDU; {@link EOFException} when the peer closed the connection before a PDU began. */
    public Pdu read() throws IOException {
        int type = in.read();
        if (type < 0) throw new EOFException("connection closed by peer");
        in.readUnsignedByte();
        long length = in.readInt() & 0xFFFFFFFFL;
        long limit = type == Pdu.P_DATA_TF ? maxDataPduLength : MAX_ASSOCIATION_PDU;
        if (type < Pdu.ASSOCIATE_RQ || type > Pdu.ABORT) {
            throw new DicomProtocolException(Abort.UNRECOGNIZED_PDU, "unrecognized PDU type 0x" + Integer.toHexString(type));
        }
        if (length > limit) {
            throw new DicomProtocolException(Abort.INVALID_PDU_PARAMETER_VALUE, "PDU type " + type + " length " + length + " above " + limit);
        }
        byte[] body = new byte[(int) length];
        try {
            in.readFully(body);
        } catch (EOFException e) {
            throw new DicomProtocolException(Abort.INVALID_PDU_PARAMETER_VALUE, "PDU type " + type + " truncated");
        }
        return decode(type, ByteBuffer.wrap(body));
    }

    static Pdu decode(int type, ByteBuffer body) throws DicomProtocolException {
        try {
            return switch (type) {
                case Pdu.ASSOCIATE_RQ -> associateRequest(body);
                case Pdu.ASSOCIATE_AC -> associateAccept(body);
                case Pdu.ASSOCIATE_RJ -> new AssociateReject(u8(body, 1), u8(body, 2), u8(body, 3));
                case Pdu.P_DATA_TF -> dataTransfer(body);
                case Pdu.RELEASE_RQ -> new ReleaseRequest();
                case Pdu.RELEASE_RP -> new ReleaseResponse();
                default -> new Abort(u8(body, 2), u8(body, 3));
            };
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new DicomProtocolException(Abort.INVALID_PDU_PARAMETER_VALUE, "PDU type " + type + " shorter than its fields");
        }
    }

    private static AssociateRequest associateRequest(ByteBuffer body) throws DicomProtocolException {
        Fixed fixed = fixed(body);
        Variable items = new Variable();
        List<PresentationContext> contexts = new ArrayList<>();
        while (body.hasRemaining()) {
            int itemType = u8(body);
            ByteBuffer item = item(body);
            switch (itemType) {
                case 0x10 -> items.applicationContext = string(item, item.remaining());
                case 0x20 -> contexts.add(proposedContext(item));
                case 0x50 -> userInformation(item, items);
                default -> { } // unknown items are ignored (PS3.8 9.3.1)
            }
        }
        return new AssociateRequest(fixed.protocolVersion, fixed.calledAe, fixed.callingAe, items.applicationContext, contexts,
                items.maxPduLength, items.implementationClassUid, items.implementationVersionName);
    }

    private static AssociateAccept associateAccept(ByteBuffer body) throws DicomProtocolException {
        Fixed fixed = fixed(body);
        Variable items = new Variable();
        List<PresentationContextResult> results = new ArrayList<>();
        while (body.hasRemaining()) {
            int itemType = u8(body);
            ByteBuffer item = item(body);
            switch (itemType) {
                case 0x10 -> items.applicationContext = string(item, item.remaining());
                case 0x21 -> {
                    int id = u8(item);
                    item.get();
                    int result = u8(item);
                    item.get();
                    String ts = "";
                    while (item.hasRemaining()) {
                        int subType = u8(item);
                        ByteBuffer sub = item(item);
                        if (subType == 0x40) ts = string(sub, sub.remaining());
                    }
                    results.add(new PresentationContextResult(id, result, ts));
                }
                case 0x50 -> userInformation(item, items);
                default -> { }
            }
        }
        return new AssociateAccept(fixed.calledAe, fixed.callingAe, items.applicationContext, results, items.maxPduLength,
                items.implementationClassUid, items.implementationVersionName);
    }

    private static PresentationContext proposedContext(ByteBuffer item) throws DicomProtocolException {
        int id = u8(item);
        item.position(item.position() + 3);
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (item.hasRemaining()) {
            int subType = u8(item);
            ByteBuffer sub = item(item);
            if (subType == 0x30) abstractSyntax = string(sub, sub.remaining());
            else if (subType == 0x40) transferSyntaxes.add(string(sub, sub.remaining()));
        }
        if (abstractSyntax == null || transferSyntaxes.isEmpty() || id % 2 == 0) {
            throw new DicomProtocolException(Abort.INVALID_PDU_PARAMETER_VALUE, "presentation context " + id + " incomplete");
        }
        return new PresentationContext(id, abstractSyntax, transferSyntaxes);
    }

    private static void userInformation(ByteBuffer item, Variable items) throws DicomProtocolException {
        while (item.hasRemaining()) {
            int subType = u8(item);
            ByteBuffer sub = item(item);
            switch (subType) {
                case 0x51 -> items.maxPduLength = sub.getInt();
                case 0x52 -> items.implementationClassUid = string(sub, sub.remaining());
                case 0x55 -> items.implementationVersionName = string(sub, sub.remaining());
                default -> { }
            }
        }
    }

    private static DataTransfer dataTransfer(ByteBuffer body) throws DicomProtocolException {
        List<Pdv> pdvs = new ArrayList<>();
        while (body.hasRemaining()) {
            if (body.remaining() < Pdv.HEADER_LENGTH) throw invalid("PDV header truncated");
            long itemLength = body.getInt() & 0xFFFFFFFFL;
            if (itemLength < 2 || itemLength > body.remaining()) throw invalid("PDV length " + itemLength + " outside its PDU");
            int contextId = u8(body);
            int control = u8(body);
            byte[] data = new byte[(int) itemLength - 2];
            body.get(data);
            pdvs.add(new Pdv(contextId, (control & 1) != 0, (control & 2) != 0, data));
        }
        if (pdvs.isEmpty()) throw invalid("P-DATA-TF without PDV");
        return new DataTransfer(pdvs);
    }

    private static Fixed fixed(ByteBuffer body) {
        Fixed fixed = new Fixed();
        fixed.protocolVersion = body.getShort() & 0xFFFF;
        body.getShort();
        fixed.calledAe = string(body, 16);
        fixed.callingAe = string(body, 16);
        body.position(body.position() + 32);
        return fixed;
    }

    private static ByteBuffer item(ByteBuffer in) throws DicomProtocolException {
        in.get();
        int length = in.getShort() & 0xFFFF;
        if (length > in.remaining()) throw invalid("item length " + length + " beyond its container");
        ByteBuffer item = in.slice(in.position(), length);
        in.position(in.position() + length);
        return item;
    }

    private static String string(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
    }

    private static int u8(ByteBuffer in) {
        return in.get() & 0xFF;
    }

    private static int u8(ByteBuffer in, int index) {
        return in.get(index) & 0xFF;
    }

    private static DicomProtocolException invalid(String message) {
        return new DicomProtocolException(Abort.INVALID_PDU_PARAMETER_VALUE, message);
    }

    private static final class Fixed {
        int protocolVersion;
        String calledAe;
        String callingAe;
    }

    private static final class Variable {
        String applicationContext = "";
        int maxPduLength;
        String implementationClassUid = "";
        String implementationVersionName = "";
    }
}
