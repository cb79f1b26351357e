package org.medgemmahub.dicom;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code dicom} component: {@code dicom:host:port?aeTitle=...} is a DICOM Storage SCP listening on host:port.
 * Options not given in the URI come from the component's defaults ({@link DicomProperties} in the hub).
 */
public class DicomComponent extends DefaultComponent {
    private DicomConfiguration configuration = new DicomConfiguration();

    public DicomComponent() {
    }

    public DicomComponent(DicomConfiguration defaults) {
        this.configuration = defaults;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String path = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        int colon = path.lastIndexOf(':');
        if (colon <= 0 || colon == path.length() - 1) {
            throw new IllegalArgumentException("dicom endpoint needs host:port, e.g. dicom:0.0.0.0:11112, not " + remaining);
        }
        DicomConfiguration endpointConfiguration = configuration.copy();
        setProperties(endpointConfiguration, parameters);
        DicomEndpoint endpoint = new DicomEndpoint(uri, this, path.substring(0, colon), Integer.parseInt(path.substring(colon + 1)),
                endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public DicomConfiguration getConfiguration() {
        return configuration;
    }

    /** Defaults for every endpoint of this component. */
    public void setConfiguration(DicomConfiguration configuration) {
        this.configuration = configuration;
    }
}
