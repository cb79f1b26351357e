package org.medgemmahub.dicom;

import org.medgemmahub.security.TlsSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Registers the {@code dicom} Camel component, its defaults taken from hub.dicom.* (TLS from hub.dicom.tls.*). */
@Configuration(proxyBeanMethods = false)
class DicomComponentConfiguration {
    static final String TLS_PREFIX = "hub.dicom.tls";

    @Bean("dicomTlsSettings")
    TlsSettings dicomTlsSettings(Environment environment) {
        return TlsSettings.bindListener(environment, TLS_PREFIX);
    }

    @Bean("dicom")
    DicomComponent dicom(DicomProperties properties, @Qualifier("dicomTlsSettings") TlsSettings tls) {
        DicomConfiguration defaults = DicomConfiguration.of(properties);
        defaults.setTls(tls);
        return new DicomComponent(defaults);
    }
}
