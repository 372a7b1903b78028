package org.law12348.ticketing;

import org.law12348.personaldata.privacy.PrivacyConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/**
 * Wires the ticketing module: its settings, the division data, the clock everything reads, and the
 * cipher its entities store personal data with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TicketingProperties.class,
        org.law12348.ticketing.retention.RetentionProperties.class})
@Import(PrivacyConfiguration.class)
public class TicketingConfiguration {

    @Bean
    Regions regions() {
        return Regions.load();
    }

    /**
     * How staff passwords are hashed (BCrypt); ticketing owns the accounts, so it owns the hashing.
     * {@code law12348.ticketing.password-hash-cost} is BCrypt's log2 cost (4–31, default 10: about 0.1 s
     * per check on one core). A stored hash carries its own cost, so changing it never locks anyone
     * out. The build's tests set 4: they sign in with HTTP Basic thousands of times.
     */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder(@Value("${law12348.ticketing.password-hash-cost:10}") int cost) {
        return new BCryptPasswordEncoder(cost);
    }

    /** One clock for the whole product; tests replace it to move time without sleeping. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
