package org.medgemmahub.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A raw MLLP client for input HAPI's own client refuses to send (no MSH, binary, oversize): frames the bytes as they
 * are and reads one framed answer.
 */
public final class MllpTestClient {
    private static final int START = 0x0b;
    private static final int END = 0x1c;
    private static final int CR = 0x0d;

    private MllpTestClient() {
    }

    /** Sends one frame and returns the ACK text, segments separated by {@code \r}. */
    public static String send(int port, String payload) throws IOException {
        return send(port, payload.getBytes(StandardCharsets.UTF_8));
    }

    public static String send(int port, byte[] payload) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(START);
            out.write(payload);
            out.write(END);
            out.write(CR);
            out.flush();
            return readFrame(socket.getInputStream());
        }
    }

    private static String readFrame(InputStream in) throws IOException {
        int b = in.read();
        if (b != START) throw new IOException("expected MLLP start block, got " + b);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        while ((b = in.read()) != -1) {
            if (b == END) {
                in.read();
                return frame.toString(StandardCharsets.UTF_8);
            }
            frame.write(b);
        }
        throw new IOException("connection closed before the end of the MLLP frame");
    }
}
