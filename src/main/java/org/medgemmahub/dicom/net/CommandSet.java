package org.medgemmahub.dicom.net;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A DIMSE command set (PS3.7 section 9.3 and annex E): group 0000 elements in Implicit VR Little Endian, always with
 * its group length (0000,0000). Values are held as raw bytes; the typed accessors know the VR of each field used here.
 */
public final class CommandSet {
    public static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    public static final int COMMAND_FIELD = 0x00000100;
    public static final int MESSAGE_ID = 0x00000110;
    public static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    public static final int PRIORITY = 0x00000700;
    public static final int COMMAND_DATA_SET_TYPE = 0x00000800;
    public static final int STATUS = 0x00000900;
    public static final int ERROR_COMMENT = 0x00000902;
    public static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;

    public static final int C_STORE_RQ = 0x0001;
    public static final int C_STORE_RSP = 0x8001;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int C_ECHO_RSP = 0x8030;
    /** Command Data Set Type value meaning "no data set follows". */
    public static final int NO_DATA_SET = 0x0101;
    private static final int DATA_SET_PRESENT = 0x0000;

    private static final int GROUP_LENGTH = 0x00000000;

    private final TreeMap<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);

    public static CommandSet echoRequest(int messageId) {
        return new CommandSet().putUid(AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1").putUs(COMMAND_FIELD, C_ECHO_RQ)
                .putUs(MESSAGE_ID, messageId).putUs(COMMAND_DATA_SET_TYPE, NO_DATA_SET);
    }

    public static CommandSet storeRequest(int messageId, String sopClassUid, String sopInstanceUid) {
        return new CommandSet().putUid(AFFECTED_SOP_CLASS_UID, sopClassUid).putUs(COMMAND_FIELD, C_STORE_RQ)
                .putUs(MESSAGE_ID, messageId).putUs(PRIORITY, 0).putUs(COMMAND_DATA_SET_TYPE, DATA_SET_PRESENT)
                .putUid(AFFECTED_SOP_INSTANCE_UID, sopInstanceUid);
    }

    /** The response to {@code request} (its command field with the response bit, its ids echoed) with a status. */
    public static CommandSet responseTo(CommandSet request, int status) {
        CommandSet response = new CommandSet();
        request.string(AFFECTED_SOP_CLASS_UID).ifPresent(uid -> response.putUid(AFFECTED_SOP_CLASS_UID, uid));
        response.putUs(COMMAND_FIELD, request.commandField() | 0x8000)
                .putUs(MESSAGE_ID_BEING_RESPONDED_TO, request.messageId())
                .putUs(COMMAND_DATA_SET_TYPE, NO_DATA_SET)
                .putUs(STATUS, status);
        request.string(AFFECTED_SOP_INSTANCE_UID).ifPresent(uid -> response.putUid(AFFECTED_SOP_INSTANCE_UID, uid));
        return response;
    }

    public int commandField() {
        return us(COMMAND_FIELD).orElse(-1);
    }

    public int messageId() {
        return us(MESSAGE_ID).orElse(0);
    }

    public int status() {
        return us(STATUS).orElse(-1);
    }

    public boolean hasDataSet() {
        return us(COMMAND_DATA_SET_TYPE).orElse(NO_DATA_SET) != NO_DATA_SET;
    }

    public CommandSet putUs(int tag, int value) {
        elements.put(tag, new byte[] {(byte) value, (byte) (value >> 8)});
        return this;
    }

    /** A UID (or other text) value, padded to even length with NUL as PS3.5 requires for UI. */
    public CommandSet putUid(int tag, String value) {
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        byte[] padded = new byte[text.length + (text.length % 2)];
        System.arraycopy(text, 0, padded, 0, text.length);
        elements.put(tag, padded);
        return this;
    }

    public CommandSet putText(int tag, String value) {
        String even = value.length() % 2 == 0 ? value : value + " ";
        elements.put(tag, even.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    public Optional<Integer> us(int tag) {
        byte[] value = elements.get(tag);
        if (value == null || value.length < 2) return Optional.empty();
        return Optional.of((value[0] & 0xFF) | (value[1] & 0xFF) << 8);
    }

    public Optional<String> string(int tag) {
        byte[] value = elements.get(tag);
        if (value == null) return Optional.empty();
        return Optional.of(new String(value, StandardCharsets.US_ASCII).replace('\0', ' ').trim());
    }

    public Map<Integer, byte[]> elements() {
        return java.util.Collections.unmodifiableMap(elements);
    }

    /** Implicit VR Little Endian bytes, group length first. */
    public byte[] encode() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        elements.forEach((tag, value) -> {
            if (tag != GROUP_LENGTH) writeElement(body, tag, value);
        });
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        writeElement(all, GROUP_LENGTH, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array());
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }

    public static CommandSet decode(byte[] bytes) throws DicomProtocolException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        CommandSet command = new CommandSet();
        while (in.hasRemaining()) {
            if (in.remaining() < 8) throw new DicomProtocolException(Abort.INVALID_PDU_PARAMETER_VALUE, "command element header truncated");
            int group = in.getShort() & 0xFFFF;
            int element = in.getShort() & 0xFFFF;
            long length = in.getInt() & 0xFFFFFFFFL;
            if (group != 0 || length > in.remaining()) {
                throw new DicomProtocolException(Abort.INVALID_PDU_PARAMETER_VALUE, "command set element invalid");
            }
            byte[] value = new byte[(int) length];
            in.get(value);
            command.elements.put(element, value);
        }
        if (command.commandField() < 0) throw new DicomProtocolException(Abort.INVALID_PDU_PARAMETER_VALUE, "command set without command field");
        return command;
    }

    private static void writeElement(ByteArrayOutputStream out, int tag, byte[] value) {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) (tag >>> 16)).putShort((short) tag).putInt(value.length);
        out.writeBytes(header.array());
        out.writeBytes(value);
    }

    @Override
    public String toString() {
        return "command 0x" + Integer.toHexString(commandField()) + " message " + messageId();
    }
}
