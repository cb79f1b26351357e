package org.medgemmahub.dicom.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes PDUs (PS3.8 9.3) in their big-endian wire form and writes each one whole, then flushes. */
public final class PduWriter {
    private static final int ITEM_APPLICATION_CONTEXT = 0x10;
    private static final int ITEM_PRESENTATION_CONTEXT_RQ = 0x20;
    private static final int ITEM_PRESENTATION_CONTEXT_AC = 0x21;
    private static final int ITEM_ABSTRACT_SYNTAX = 0x30;
    private static final int ITEM_TRANSFER_SYNTAX = 0x40;
    private static final int ITEM_USER_INFORMATION = 0x50;
    private static final int SUB_ITEM_MAX_LENGTH = 0x51;
    private static final int SUB_ITEM_IMPLEMENTATION_CLASS_UID = 0x52;
    private static final int SUB_ITEM_IMPLEMENTATION_VERSION_NAME = 0x55;

    private final OutputStream out;

    public PduWriter(OutputStream out) {
        this.out = out;
    }

    public synchronized void write(Pdu pdu) throws IOException {
        out.write(encode(pdu));
        out.flush();
    }

    /** The complete PDU: type, reserved byte, 32-bit length, body. */
    public static byte[] encode(Pdu pdu) {
        if (pdu instanceof AssociateRequest rq) return frame(Pdu.ASSOCIATE_RQ, associateRequestBody(rq));
        if (pdu instanceof AssociateAccept ac) return frame(Pdu.ASSOCIATE_AC, associateAcceptBody(ac));
        if (pdu instanceof AssociateReject rj) return frame(Pdu.ASSOCIATE_RJ, new byte[] {0, (byte) rj.result(), (byte) rj.source(), (byte) rj.reason()});
        if (pdu instanceof DataTransfer data) return frame(Pdu.P_DATA_TF, dataBody(data));
        if (pdu instanceof ReleaseRequest) return frame(Pdu.RELEASE_RQ, new byte[4]);
        if (pdu instanceof ReleaseResponse) return frame(Pdu.RELEASE_RP, new byte[4]);
        Abort abort = (Abort) pdu;
        return frame(Pdu.ABORT, new byte[] {0, 0, (byte) abort.source(), (byte) abort.reason()});
    }

    private static byte[] associateRequestBody(AssociateRequest rq) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fixedFields(body, rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle());
        item(body, ITEM_APPLICATION_CONTEXT, ascii(rq.applicationContext()));
        for (PresentationContext pc : rq.presentationContexts()) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            content.writeBytes(new byte[] {(byte) pc.id(), 0, 0, 0});
            item(content, ITEM_ABSTRACT_SYNTAX, ascii(pc.abstractSyntax()));
            for (String ts : pc.transferSyntaxes()) item(content, ITEM_TRANSFER_SYNTAX, ascii(ts));
            item(body, ITEM_PRESENTATION_CONTEXT_RQ, content.toByteArray());
        }
        item(body, ITEM_USER_INFORMATION, userInformation(rq.maxPduLength(), rq.implementationClassUid(), rq.implementationVersionName()));
        return body.toByteArray();
    }

    private static byte[] associateAcceptBody(AssociateAccept ac) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fixedFields(body, 1, ac.calledAeTitle(), ac.callingAeTitle());
        item(body, ITEM_APPLICATION_CONTEXT, ascii(ac.applicationContext()));
        for (PresentationContextResult result : ac.results()) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            content.writeBytes(new byte[] {(byte) result.id(), 0, (byte) result.result(), 0});
            item(content, ITEM_TRANSFER_SYNTAX, ascii(result.transferSyntax()));
            item(body, ITEM_PRESENTATION_CONTEXT_AC, content.toByteArray());
        }
        item(body, ITEM_USER_INFORMATION, userInformation(ac.maxPduLength(), ac.implementationClassUid(), ac.implementationVersionName()));
        return body.toByteArray();
    }

    private static void fixedFields(ByteArrayOutputStream body, int protocolVersion, String calledAe, String callingAe) {
        body.writeBytes(new byte[] {(byte) (protocolVersion >> 8), (byte) protocolVersion, 0, 0});
        body.writeBytes(aeTitle(calledAe));
        body.writeBytes(aeTitle(callingAe));
        body.writeBytes(new byte[32]);
    }

    private static byte[] userInformation(int maxPduLength, String implementationClassUid, String implementationVersionName) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        item(content, SUB_ITEM_MAX_LENGTH, int32(maxPduLength));
        item(content, SUB_ITEM_IMPLEMENTATION_CLASS_UID, ascii(implementationClassUid));
        if (implementationVersionName != null && !implementationVersionName.isEmpty()) {
            item(content, SUB_ITEM_IMPLEMENTATION_VERSION_NAME, ascii(implementationVersionName));
        }
        return content.toByteArray();
    }

    private static byte[] dataBody(DataTransfer data) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Pdv pdv : data.pdvs()) {
            body.writeBytes(int32(pdv.data().length + 2));
            body.write(pdv.contextId());
            body.write((pdv.command() ? 1 : 0) | (pdv.last() ? 2 : 0));
            body.writeBytes(pdv.data());
        }
        return body.toByteArray();
    }

    private static void item(ByteArrayOutputStream target, int type, byte[] content) {
        target.write(type);
        target.write(0);
        target.write(content.length >> 8);
        target.write(content.length);
        target.writeBytes(content);
    }

    private static byte[] frame(int type, byte[] body) {
        byte[] pdu = new byte[6 + body.length];
        pdu[0] = (byte) type;
        System.arraycopy(int32(body.length), 0, pdu, 2, 4);
        System.arraycopy(body, 0, pdu, 6, body.length);
        return pdu;
    }

    private static byte[] aeTitle(String title) {
        byte[] padded = "                ".getBytes(StandardCharsets.US_ASCII);
        byte[] value = ascii(title);
        System.arraycopy(value, 0, padded, 0, Math.min(16, value.length));
        return padded;
    }

    private static byte[] ascii(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] int32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
