package org.medgemmahub.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the JSSE objects of one {@link TlsSettings}: its key and trust stores, the {@link SSLContext}, and listening or
 * connecting sockets limited to the configured protocols and client authentication. Shared by the DICOM listener and
 * client and (through Camel's SSLContextParameters, which take the loaded stores) by the MLLP listener.
 */
public final class TlsContextFactory {
    private final TlsSettings settings;

    public TlsContextFactory(TlsSettings settings) {
        if (!settings.enabled()) throw new IllegalArgumentException("TLS is not enabled in " + settings);
        this.settings = settings;
    }

    public TlsSettings settings() {
        return settings;
    }

    /** Our private key and certificate chain; empty when none is configured (a client without a certificate). */
    public Optional<KeyStore> keyStore() throws GeneralSecurityException, IOException {
        if (settings.keyStore() == null) return Optional.empty();
        return Optional.of(load(settings.keyStore(), settings.keyStoreType(), settings.keyStorePassword(), "key-store"));
    }

    /** The certificates we trust; empty means the JDK's default CAs. */
    public Optional<KeyStore> trustStore() throws GeneralSecurityException, IOException {
        if (settings.trustStore() == null) return Optional.empty();
        return Optional.of(load(settings.trustStore(), settings.trustStoreType(), settings.trustStorePassword(), "trust-store"));
    }

    /** An SSLContext with our key (if any) and our trust store (else the JDK's CAs). */
    public SSLContext sslContext() throws GeneralSecurityException, IOException {
        KeyManager[] keyManagers = null;
        Optional<KeyStore> keys = keyStore();
        if (keys.isPresent()) {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys.get(), settings.keyPassword().toCharArray());
            keyManagers = factory.getKeyManagers();
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore().orElse(null));
        TrustManager[] trustManagers = trust.getTrustManagers();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, trustManagers, null);
        return context;
    }

    /** A listening socket bound to address:port (0: chosen by the OS), offering the configured protocols and client auth. */
    public SSLServerSocket bind(String address, int port, int backlog) throws GeneralSecurityException, IOException {
        SSLServerSocket socket = (SSLServerSocket) sslContext().getServerSocketFactory().createServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.setEnabledProtocols(enabledProtocols(socket.getSupportedProtocols()));
            switch (settings.clientAuth()) {
                case NEED -> socket.setNeedClientAuth(true);
                case WANT -> socket.setWantClientAuth(true);
                case NONE -> socket.setWantClientAuth(false);
            }
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port), backlog);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A client socket, not yet connected, offering the configured protocols; the handshake runs on first use. */
    public SSLSocket newClientSocket() throws GeneralSecurityException, IOException {
        SSLSocket socket = (SSLSocket) sslContext().getSocketFactory().createSocket();
        socket.setEnabledProtocols(enabledProtocols(socket.getSupportedProtocols()));
        return socket;
    }

    /** The configured protocols this JDK supports; none of them is a configuration error. */
    String[] enabledProtocols(String[] supported) {
        List<String> available = Arrays.asList(supported);
        String[] enabled = settings.protocols().stream().filter(available::contains).toArray(String[]::new);
        if (enabled.length == 0) {
            throw new IllegalArgumentException("none of the TLS protocols " + settings.protocols() + " is supported by this JDK");
        }
        return enabled;
    }

    /** Loads a key or trust store; a wrong password or type names the file and the key, never the password. */
    static KeyStore load(Path file, String type, String password, String key) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        } catch (IOException e) {
            throw new IOException(key + " " + file + " cannot be read as " + type + " with the given password: " + e.getMessage(), e);
        }
        return store;
    }
}
