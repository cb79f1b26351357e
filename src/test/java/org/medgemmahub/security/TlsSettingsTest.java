package org.medgemmahub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class TlsSettingsTest {
    static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create("unit");

    @Test
    void offersTls13AndTls12WithoutClientCertificatesByDefault() {
        TlsSettings settings = new TlsSettings(true, CERTIFICATE.keyStore, "pw", null, null, null, null, null, null, null);

        assertThat(settings.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(settings.clientAuth()).isEqualTo(ClientAuth.NONE);
        assertThat(settings.keyStoreType()).isEqualTo("PKCS12");
        assertThat(settings.keyPassword()).as("key password defaults to the store password").isEqualTo("pw");
    }

    @Test
    void neverShowsItsPasswords() {
        TlsSettings settings = CERTIFICATE.listener(ClientAuth.NEED, CERTIFICATE.trustStore);

        assertThat(settings.toString()).doesNotContain(SelfSignedCertificate.PASSWORD).contains("clientAuth=NEED");
    }

    @Test
    void bindsFromEnvironmentStyleKeysUnderItsPrefix() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "hub.hl7.tls.enabled", "true", "hub.hl7.tls.key-store", CERTIFICATE.keyStore.toString(),
                "hub.hl7.tls.key-store-password", SelfSignedCertificate.PASSWORD, "hub.hl7.tls.client-auth", "want",
                "hub.hl7.tls.trust-store", CERTIFICATE.trustStore.toString(), "hub.hl7.tls.protocols", "TLSv1.3")));

        TlsSettings settings = TlsSettings.bindListener(environment, "hub.hl7.tls");

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.clientAuth()).isEqualTo(ClientAuth.WANT);
        assertThat(settings.protocols()).isEqualTo(List.of("TLSv1.3"));
        assertThat(settings.keyStore()).isEqualTo(CERTIFICATE.keyStore);
    }

    @Test
    void bindsFromTheEnvironmentVariablesTheReadmeNames() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "HUB_DICOM_TLS_ENABLED", "true", "HUB_DICOM_TLS_KEY_STORE", CERTIFICATE.keyStore.toString(),
                        "HUB_DICOM_TLS_KEY_STORE_PASSWORD", "from-env", "HUB_DICOM_TLS_TRUST_STORE", CERTIFICATE.trustStore.toString(),
                        "HUB_DICOM_TLS_CLIENT_AUTH", "need")));

        TlsSettings settings = TlsSettings.bindListener(environment, "hub.dicom.tls");

        assertThat(settings.keyStore()).isEqualTo(CERTIFICATE.keyStore);
        assertThat(settings.keyStorePassword()).isEqualTo("from-env");
        assertThat(settings.trustStore()).isEqualTo(CERTIFICATE.trustStore);
        assertThat(settings.clientAuth()).isEqualTo(ClientAuth.NEED);
    }

    @Test
    void leavesTheStoresUncheckedWhileTlsIsOff() {
        TlsSettings off = new TlsSettings(false, Path.of("/nonexistent/hub.p12"), null, null, null, null, null, null, null, null);

        assertThat(off.enabled()).isFalse();
    }

    @Test
    void isPlainTcpWhenNothingIsConfigured() {
        assertThat(TlsSettings.bindListener(new StandardEnvironment(), "hub.dicom.tls").enabled()).isFalse();
    }

    @Nested
    class Refuses {
        @Test
        void aListenerWithTlsButNoKeyStoreNamingTheKey() {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("hub.dicom.tls.enabled", "true")));

            assertThatIllegalArgumentException().isThrownBy(() -> TlsSettings.bindListener(environment, "hub.dicom.tls"))
                    .withMessageContaining("hub.dicom.tls.key-store");
        }

        @Test
        void aKeyStoreThatIsNotAFile() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new TlsSettings(true, Path.of("/nonexistent/hub.p12"), "pw", null, null, null, null, null, null, null))
                    .withMessageContaining("key-store /nonexistent/hub.p12");
        }

        @Test
        void clientCertificatesWithoutATrustStore() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CERTIFICATE.listener(ClientAuth.NEED, null))
                    .withMessageContaining("client-auth need needs a trust-store");
        }

        @Test
        void protocolsOlderThanTls12() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new TlsSettings(true, CERTIFICATE.keyStore, "pw", null, null, null, null, null, null,
                            List.of("TLSv1.1", "TLSv1.2")))
                    .withMessageContaining("TLSv1.2 and TLSv1.3 only");
        }

        @Test
        void aWrongKeyStorePasswordNamingTheFileButNotThePassword() {
            TlsSettings settings = new TlsSettings(true, CERTIFICATE.keyStore, "wrong-password", null, null, null, null, null, null, null);

            org.assertj.core.api.Assertions.assertThatIOException().isThrownBy(() -> new TlsContextFactory(settings).sslContext())
                    .withMessageContaining("key-store " + CERTIFICATE.keyStore).withMessageNotContaining("wrong-password");
        }
    }
}
