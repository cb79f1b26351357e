package org.medgemmahub.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A self-signed RSA certificate for 127.0.0.1/localhost made at test time with the JDK's keytool: a PKCS12 key store,
 * a PKCS12 trust store holding only the certificate, and both as PEM files for OpenSSL-based peers (DCMTK).
 */
public final class SelfSignedCertificate {
    public static final String PASSWORD = "test-secret-4711";
    private static final String ALIAS = "hub";

    public final Path keyStore;
    public final Path trustStore;
    public final Path certificatePem;
    public final Path privateKeyPem;

    private SelfSignedCertificate(Path keyStore, Path trustStore, Path certificatePem, Path privateKeyPem) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
    }

    /** Creates {@code <name>.p12}, {@code <name>-trust.p12}, {@code <name>-cert.pem} and {@code <name>-key.pem} in a new temporary directory. */
    public static SelfSignedCertificate create(String name) {
        try {
            Path dir = Files.createTempDirectory("medgemma-hub-tls");
            Path keyStore = dir.resolve(name + ".p12");
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=" + name + ",O=MedGemma Hub test", "-ext", "san=ip:127.0.0.1,dns:localhost",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            Certificate certificate = keys.getCertificate(ALIAS);
            PrivateKey key = (PrivateKey) keys.getKey(ALIAS, PASSWORD.toCharArray());

            Path trustStore = dir.resolve(name + "-trust.p12");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, PASSWORD.toCharArray());
            }
            Path certificatePem = Files.writeString(dir.resolve(name + "-cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
            Path privateKeyPem = Files.writeString(dir.resolve(name + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            return new SelfSignedCertificate(keyStore, trustStore, certificatePem, privateKeyPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        }
    }

    /** TLS settings of a listener presenting this certificate. */
    public TlsSettings listener(ClientAuth clientAuth, Path trustedClients) {
        return new TlsSettings(true, keyStore, PASSWORD, "PKCS12", null, trustedClients, PASSWORD, "PKCS12", clientAuth, null);
    }

    /** An SSLContext of a client that trusts this certificate only. */
    public SSLContext clientContext() throws GeneralSecurityException, IOException {
        return new TlsContextFactory(TlsSettings.client(trustStore, PASSWORD)).sslContext();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
