package org.medgemmahub.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.net.ssl.SSLServerSocket;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.medgemmahub.security.ClientAuth;
import org.medgemmahub.security.SelfSignedCertificate;
import org.medgemmahub.security.TlsContextFactory;
import org.medgemmahub.security.TlsSettings;

/** The SSLContextParameters handed to camel-mllp make listening sockets with our protocols and client authentication. */
class Hl7TlsConfigurationTest {
    static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create("mllp");

    @Test
    void requiresClientCertificatesWhenClientAuthIsNeed() throws Exception {
        try (SSLServerSocket socket = serverSocket(CERTIFICATE.listener(ClientAuth.NEED, CERTIFICATE.trustStore))) {
            assertThat(socket.getNeedClientAuth()).isTrue();
            assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void asksForClientCertificatesWhenClientAuthIsWant() throws Exception {
        try (SSLServerSocket socket = serverSocket(CERTIFICATE.listener(ClientAuth.WANT, CERTIFICATE.trustStore))) {
            assertThat(socket.getWantClientAuth()).isTrue();
            assertThat(socket.getNeedClientAuth()).isFalse();
        }
    }

    @Test
    void offersOnlyTheConfiguredProtocolsAndNoClientAuthByDefault() throws Exception {
        TlsSettings tls13 = new TlsSettings(true, CERTIFICATE.keyStore, SelfSignedCertificate.PASSWORD, null, null, null, null, null,
                null, List.of("TLSv1.3"));

        try (SSLServerSocket socket = serverSocket(tls13)) {
            assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1.3");
            assertThat(socket.getWantClientAuth()).isFalse();
            assertThat(socket.getNeedClientAuth()).isFalse();
        }
    }

    /** What camel-mllp's TcpServerBindThread does with the parameters. */
    private static SSLServerSocket serverSocket(TlsSettings settings) throws Exception {
        SSLContextParameters parameters = Hl7TlsConfiguration.sslContextParameters(new TlsContextFactory(settings));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            return (SSLServerSocket) parameters.createSSLContext(camel).getServerSocketFactory().createServerSocket();
        }
    }
}
