package org.medgemmahub.pipeline.broker;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Queue consumers take one message at a time from the broker (Artemis consumer window 0). camel-jms opens a consumer
 * for each transaction of a transacted route; with Artemis' default 1 MiB window every new consumer is handed a batch
 * of messages it holds until it closes, so the other consumers wait for them: measured at ~200 ms per model request
 * with eight consumers, a third of a 500 ms model call. Applies to the embedded and an external broker alike.
 */
@Configuration(proxyBeanMethods = false)
class NoPrefetchConsumers {

    @Bean
    static BeanPostProcessor noPrefetchConsumerWindow() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                Object target = bean instanceof CachingConnectionFactory caching ? caching.getTargetConnectionFactory() : bean;
                if (target instanceof ActiveMQConnectionFactory artemis) artemis.setConsumerWindowSize(0);
                return bean;
            }
        };
    }
}
