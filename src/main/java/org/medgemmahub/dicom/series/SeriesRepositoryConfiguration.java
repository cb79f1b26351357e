package org.medgemmahub.dicom.series;

import javax.sql.DataSource;
import org.medgemmahub.pipeline.QueueProperties;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The durable store of series still being received: Camel's JDBC aggregation repository on the hub's database
 * (embedded H2 under data/ by default). Its transaction manager stays private to it, so the JMS routes keep their
 * own JMS transactions.
 */
@Configuration(proxyBeanMethods = false)
class SeriesRepositoryConfiguration {
    private static final int MAXIMUM_REDELIVERIES = 5;

    @Bean("dicomSeriesRepository")
    JdbcAggregationRepository dicomSeriesRepository(DataSource dataSource, QueueProperties queues) {
        JdbcAggregationRepository repository =
                new JdbcAggregationRepository(new DataSourceTransactionManager(dataSource), "dicom_series", dataSource);
        // a stable series whose request could not be made (rendering failed) is retried, then dead-lettered
        repository.setUseRecovery(true);
        repository.setMaximumRedeliveries(MAXIMUM_REDELIVERIES);
        repository.setDeadLetterUri("jms:queue:" + queues.deadLetters(queues.dicomInstances()));
        return repository;
    }
}
