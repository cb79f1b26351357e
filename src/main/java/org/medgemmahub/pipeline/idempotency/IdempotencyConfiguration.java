package org.medgemmahub.pipeline.idempotency;

import java.time.Clock;
import javax.sql.DataSource;
import org.medgemmahub.pipeline.HubInstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The claims store on the hub's DataSource, and the {@code messageClaims} bean the routes call. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean("messageClaims")
    MessageClaims messageClaims(DataSource dataSource, IdempotencyProperties properties,
                                @Value("${hub.data-dir}") String dataDir) {
        String instance = HubInstanceId.resolve(properties.instanceId(), dataDir);
        if (properties.enabled()) {
            log.info("idempotency claims on the hub database as instance {} (lease {})", instance, properties.lease());
        } else {
            log.warn("hub.idempotency.enabled=false: redelivered, re-sent and replayed messages may reach the model twice");
        }
        Clock clock = Clock.systemUTC();
        return new MessageClaims(new ClaimStore(dataSource, instance, properties.lease(), properties.recheck(), clock), properties, clock);
    }
}
