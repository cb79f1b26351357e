package org.medgemmahub.dicom.net;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one command or data set as P-DATA-TF PDUs of at most the peer's max PDU length, one PDV each; {@link #close()}
 * sends the last fragment with the "last" bit set. Nothing is written on close of the underlying stream.
 */
public final class PDataOutputStream extends OutputStream {
    /** Used when the peer announces 0 (no limit). */
    static final int UNLIMITED_PDU_FRAGMENT = 64 * 1024;

    private final PduWriter writer;
    private final int contextId;
    private final boolean command;
    private final byte[] buffer;
    private int count;
    private boolean closed;

    public PDataOutputStream(PduWriter writer, int contextId, boolean command, int peerMaxPduLength) {
        this.writer = writer;
        this.contextId = contextId;
        this.command = command;
        int pduLength = peerMaxPduLength <= 0 ? UNLIMITED_PDU_FRAGMENT : peerMaxPduLength;
        this.buffer = new byte[pduLength - Pdv.HEADER_LENGTH];
    }

    /** Sends {@code bytes} whole as one command or data set. */
    public static void send(PduWriter writer, int contextId, boolean command, int peerMaxPduLength, byte[] bytes) throws IOException {
        try (PDataOutputStream out = new PDataOutputStream(writer, contextId, command, peerMaxPduLength)) {
            out.write(bytes);
        }
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
