package org.medgemmahub.hl7;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.support.jsse.ClientAuthentication;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SSLContextServerParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.medgemmahub.security.ClientAuth;
import org.medgemmahub.security.TlsContextFactory;
import org.medgemmahub.security.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * TLS of the MLLP listener (hub.hl7.tls.*). With {@code hub.hl7.tls.enabled=true} the bean {@value #PARAMETERS_BEAN}
 * holds camel-mllp's SSLContextParameters, and the placeholder {@value #PLACEHOLDER} that routes/hl7-inbound.camel.yaml
 * gives the endpoint's {@code sslContextParameters} expands to a reference to it; otherwise the placeholder does not
 * exist, so the optional {@code {{?...}}} drops the option and the listener speaks plain TCP.
 */
@Configuration(proxyBeanMethods = false)
class Hl7TlsConfiguration {
    static final String PREFIX = "hub.hl7.tls";
    static final String PARAMETERS_BEAN = "hl7SslContextParameters";
    static final String PLACEHOLDER = "hub.hl7.tls.ssl-context-parameters";

    private static final Logger log = LoggerFactory.getLogger(Hl7TlsConfiguration.class);

    @Bean("hl7TlsSettings")
    TlsSettings hl7TlsSettings(Environment environment) {
        return TlsSettings.bindListener(environment, PREFIX);
    }

    @Bean(PARAMETERS_BEAN)
    @ConditionalOnProperty(name = PREFIX + ".enabled", havingValue = "true")
    SSLContextParameters hl7SslContextParameters(@Qualifier("hl7TlsSettings") TlsSettings settings)
            throws GeneralSecurityException, IOException {
        SSLContextParameters parameters = sslContextParameters(new TlsContextFactory(settings));
        log.info("MLLP listener uses TLS: protocols {}, client certificates {}, key store {}", settings.protocols(),
                settings.clientAuth(), settings.keyStore());
        return parameters;
    }

    @Bean
    @ConditionalOnProperty(name = PREFIX + ".enabled", havingValue = "true")
    PropertiesSource hl7TlsPlaceholder() {
        return new PropertiesSource() {
            @Override
            public String getName() {
                return "hl7-tls";
            }

            @Override
            public String getProperty(String name) {
                return PLACEHOLDER.equals(name) ? "#" + PARAMETERS_BEAN : null;
            }
        };
    }

    /** camel-mllp's parameters holding the stores {@link TlsContextFactory} loaded, with our protocols and client auth. */
    static SSLContextParameters sslContextParameters(TlsContextFactory tls) throws GeneralSecurityException, IOException {
        TlsSettings settings = tls.settings();
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(storeParameters(tls.keyStore().orElseThrow(
                () -> new IllegalArgumentException(PREFIX + ".key-store must be set when " + PREFIX + ".enabled is true"))));
        keys.setKeyPassword(settings.keyPassword());
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setSecureSocketProtocol("TLS");
        parameters.setKeyManagers(keys);
        Optional<KeyStore> trusted = tls.trustStore();
        if (trusted.isPresent()) {
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(storeParameters(trusted.get()));
            parameters.setTrustManagers(trust);
        }
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(settings.protocols());
        parameters.setSecureSocketProtocols(protocols);
        SSLContextServerParameters server = new SSLContextServerParameters();
        server.setClientAuthentication(clientAuthentication(settings.clientAuth()).name());
        parameters.setServerParameters(server);
        return parameters;
    }

    private static KeyStoreParameters storeParameters(KeyStore store) {
        KeyStoreParameters parameters = new KeyStoreParameters();
        parameters.setKeyStore(store);
        return parameters;
    }

    private static ClientAuthentication clientAuthentication(ClientAuth clientAuth) {
        return switch (clientAuth) {
            case NONE -> ClientAuthentication.NONE;
            case WANT -> ClientAuthentication.WANT;
            case NEED -> ClientAuthentication.REQUIRE;
        };
    }
}
