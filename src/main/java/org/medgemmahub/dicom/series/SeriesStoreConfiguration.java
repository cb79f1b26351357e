package org.medgemmahub.dicom.series;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.medgemmahub.pipeline.HubInstanceId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store of series being received, on the hub's database, claimed under this hub's instance id. */
@Configuration(proxyBeanMethods = false)
class SeriesStoreConfiguration {
    /** Rendering one frame and queueing the request takes seconds at most; a claim outliving this was abandoned. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    @Bean("seriesStore")
    SeriesStore seriesStore(DataSource dataSource, @Value("${hub.idempotency.instance-id:}") String instanceId,
                            @Value("${hub.data-dir}") String dataDir) {
        return new SeriesStore(dataSource, HubInstanceId.resolve(instanceId, dataDir), CLAIM_LEASE, Clock.systemUTC());
    }
}
