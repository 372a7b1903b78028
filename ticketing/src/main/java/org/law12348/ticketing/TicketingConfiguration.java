package org.law12348.ticketing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the ticketing module: its settings, the division data and the clock everything reads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TicketingProperties.class,
        org.law12348.ticketing.consultation.ConsultationProperties.class})
public class TicketingConfiguration {

    @Bean
    Regions regions() {
        return Regions.load();
    }

    /** One clock for the whole product; tests replace it to move time without sleeping. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
