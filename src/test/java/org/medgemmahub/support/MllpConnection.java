package org.medgemmahub.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One persistent MLLP connection, as an EHR interface keeps it: frame a message, wait for the framed ACK, repeat. */
public final class MllpConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public MllpConnection(int port) throws IOException {
        this(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Over a socket already connected, e.g. an SSLSocket for MLLP over TLS. */
    public MllpConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        out = new BufferedOutputStream(socket.getOutputStream());
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends one message ({@code \r} between segments) and returns the ACK text. */
    public String send(String er7) throws IOException {
        out.write(0x0b);
        out.write(er7.getBytes(StandardCharsets.UTF_8));
        out.write(0x1c);
        out.write(0x0d);
        out.flush();
        int b = in.read();
        if (b != 0x0b) throw new IOException("expected MLLP start block, got " + b);
        StringBuilder frame = new StringBuilder(256);
        while ((b = in.read()) != -1) {
            if (b == 0x1c) {
                in.read();
                return frame.toString();
            }
            frame.append((char) b);
        }
        throw new IOException("connection closed inside a frame");
    }

    /** MSA-1 of an ACK text. */
    public static String ackCode(String ack) {
        for (String segment : ack.split("\r")) {
            if (segment.startsWith("MSA|")) return segment.split("\\|", -1)[1];
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
