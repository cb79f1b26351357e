package org.medgemmahub.dicom;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A DICOM Storage SCP (Verification and Storage) on host:port. Consumer only: one exchange per stored instance, the
 * C-STORE-RSP status follows the exchange's outcome. Patient data never reaches the logs; only UIDs and AE titles do.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "dicom", title = "DICOM Storage SCP", syntax = "dicom:hostname:port",
        consumerOnly = true, category = {Category.HEALTH}, headersClass = DicomHeaders.class)
public class DicomEndpoint extends DefaultEndpoint {
    @UriPath
    @Metadata(required = true, description = "Address to bind, e.g. 0.0.0.0")
    private final String hostname;
    @UriPath
    @Metadata(required = true, description = "Port to listen on (0: chosen by the OS)")
    private final int port;
    @UriParam
    private final DicomConfiguration configuration;

    DicomEndpoint(String uri, DicomComponent component, String hostname, int port, DicomConfiguration configuration) {
        super(uri, component);
        this.hostname = hostname;
        this.port = port;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("the dicom endpoint only receives (Storage SCP); send with the dicom-send command");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DicomConsumer consumer = new DicomConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getHostname() {
        return hostname;
    }

    public int getPort() {
        return port;
    }

    public DicomConfiguration getConfiguration() {
        return configuration;
    }
}
