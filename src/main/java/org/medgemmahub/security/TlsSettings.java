package org.medgemmahub.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * TLS of one listener or client ({@code hub.hl7.tls.*}, {@code hub.dicom.tls.*}); defaults live in application.yaml.
 * Passwords come from the environment and never appear in {@link #toString()} or in a log line.
 *
 * @param enabled            TLS instead of plain TCP
 * @param keyStore           PKCS12 or JKS file holding our private key and certificate chain (a client may leave it out)
 * @param keyStorePassword   password of the key store
 * @param keyStoreType       {@code PKCS12} or {@code JKS}
 * @param keyPassword        password of the private key; empty means the key store password
 * @param trustStore         certificates of the peers (or their CAs) we trust; empty means the JDK's default CAs
 * @param trustStorePassword password of the trust store
 * @param trustStoreType     {@code PKCS12} or {@code JKS}
 * @param clientAuth         a listener's demand for client certificates: none, want or need
 * @param protocols          TLS versions offered, e.g. TLSv1.3 and TLSv1.2
 */
public record TlsSettings(boolean enabled, Path keyStore, String keyStorePassword, String keyStoreType, String keyPassword,
                          Path trustStore, String trustStorePassword, String trustStoreType, ClientAuth clientAuth,
                          List<String> protocols) {
    static final List<String> MODERN_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final String DEFAULT_STORE_TYPE = "PKCS12";

    public TlsSettings {
        keyStore = emptyToNull(keyStore);
        trustStore = emptyToNull(trustStore);
        keyStoreType = blankToNull(keyStoreType) == null ? DEFAULT_STORE_TYPE : keyStoreType.trim();
        trustStoreType = blankToNull(trustStoreType) == null ? DEFAULT_STORE_TYPE : trustStoreType.trim();
        keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
        trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
        keyPassword = keyPassword == null || keyPassword.isEmpty() ? keyStorePassword : keyPassword;
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        protocols = protocols == null || protocols.isEmpty() ? MODERN_PROTOCOLS
                : protocols.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (protocols.isEmpty() || !MODERN_PROTOCOLS.containsAll(protocols)) {
            throw new IllegalArgumentException("protocols may hold TLSv1.2 and TLSv1.3 only, was " + protocols);
        }
        if (enabled && keyStore != null) requireReadable(keyStore, "key-store");
        if (enabled && trustStore != null) requireReadable(trustStore, "trust-store");
        if (enabled && clientAuth != ClientAuth.NONE && trustStore == null) {
            throw new IllegalArgumentException("client-auth " + clientAuth.name().toLowerCase(Locale.ROOT)
                    + " needs a trust-store holding the certificates of the clients (or their CAs)");
        }
    }

    /** Plain TCP. */
    public static TlsSettings disabled() {
        return new TlsSettings(false, null, null, null, null, null, null, null, null, null);
    }

    /** A client that trusts the certificates in {@code trustStore} and shows none of its own. */
    public static TlsSettings client(Path trustStore, String trustStorePassword) {
        return new TlsSettings(true, null, null, null, null, trustStore, trustStorePassword, null, null, null);
    }

    /**
     * A listener's settings under {@code prefix} (e.g. {@code hub.hl7.tls}): with TLS enabled a key store is required.
     * An invalid value stops start-up naming the key.
     */
    public static TlsSettings bindListener(Environment environment, String prefix) {
        TlsSettings settings = Binder.get(environment).bind(prefix, TlsSettings.class).orElseGet(TlsSettings::disabled);
        if (settings.enabled() && settings.keyStore() == null) {
            throw new IllegalArgumentException(prefix + ".key-store must be set when " + prefix + ".enabled is true");
        }
        return settings;
    }

    @Override
    public String toString() {
        return "TlsSettings[enabled=" + enabled + ", keyStore=" + keyStore + ", keyStoreType=" + keyStoreType
                + ", trustStore=" + trustStore + ", trustStoreType=" + trustStoreType + ", clientAuth=" + clientAuth
                + ", protocols=" + protocols + ", passwords=****]";
    }

    private static void requireReadable(Path file, String key) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(key + " " + file + " is not a readable file");
        }
    }

    /** An empty environment variable binds as an empty path, which means "not set". */
    private static Path emptyToNull(Path path) {
        return path == null || path.toString().isEmpty() ? null : path;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
