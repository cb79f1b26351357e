package org.medgemmahub.dicom.net;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one command or data set as P-DATA-TF PDUs of at most the peer's max PDU length, one PDV each; {@link #close()}
 * sends the last fragment with the "last" bit set. Nothing is written on close of the underlying stream.
 * PDUs are never longer than {@link #MAX_FRAGMENT_PDU}, however large a maximum the peer announces, so a peer cannot make
 * this side allocate a buffer of its choosing (up to 2 GiB per response); a maximum too small to carry a PDV header
 * gets one byte per PDV.
 */
public final class PDataOutputStream extends OutputStream {
    /** Used when the peer announces 0 (no limit). */
    static final int UNLIMITED_PDU_FRAGMENT = 64 * 1024;
    /** The longest PDU sent, whatever the peer announces: more saves nothing on the wire. */
    static final int MAX_FRAGMENT_PDU = 1 << 20;

    private final PduWriter writer;
    private final int contextId;
    private final boolean command;
    private final byte[] buffer;
    private int count;
    private boolean closed;

    public PDataOutputStream(PduWriter writer, int contextId, boolean command, int peerMaxPduLength) {
        this(writer, contextId, command, fragmentLength(peerMaxPduLength));
    }

    private PDataOutputStream(PduWriter writer, int contextId, boolean command, long fragmentLength) {
        this.writer = writer;
        this.contextId = contextId;
        this.command = command;
        this.buffer = new byte[(int) fragmentLength];
    }

    /** Sends {@code bytes} whole as one command or data set, with a buffer no larger than they need. */
    public static void send(PduWriter writer, int contextId, boolean command, int peerMaxPduLength, byte[] bytes) throws IOException {
        long fragmentLength = Math.max(1, Math.min(fragmentLength(peerMaxPduLength), bytes.length));
        try (PDataOutputStream out = new PDataOutputStream(writer, contextId, command, fragmentLength)) {
            out.write(bytes);
        }
    }

    /** Data bytes per PDV for a peer announcing {@code peerMaxPduLength} (0: no limit), within 1 and the cap. */
    static long fragmentLength(int peerMaxPduLength) {
        long pduLength = peerMaxPduLength == 0 ? UNLIMITED_PDU_FRAGMENT : peerMaxPduLength & 0xFFFFFFFFL;
        return Math.max(1, Math.min(pduLength, MAX_FRAGMENT_PDU) - Pdv.HEADER_LENGTH);
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) sendFragment(false);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == buffer.length) sendFragment(false);
            int n = Math.min(length, buffer.length - count);
            System.arraycopy(bytes, offset, buffer, count, n);
            count += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        sendFragment(true);
    }

    private void sendFragment(boolean last) throws IOException {
        writer.write(new DataTransfer(List.of(new Pdv(contextId, command, last, Arrays.copyOf(buffer, count)))));
        count = 0;
    }
}
