package org.medgemmahub.dicom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@code dicom} Camel component, its defaults taken from hub.dicom.*. */
@Configuration(proxyBeanMethods = false)
class DicomComponentConfiguration {

    @Bean("dicom")
    DicomComponent dicom(DicomProperties properties) {
        return new DicomComponent(DicomConfiguration.of(properties));
    }
}
