package org.law12348.app;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One application (embedded default, H2) shared by the test classes of what citizens and strangers
 * meet from outside: the portal's pages, the public API's answers, cookies and error pages. Its clock
 * is a {@link MutableClock} the tests move; 127.0.0.1 is a trusted reverse proxy, so a test speaks
 * for a TLS-terminating proxy with {@code X-Forwarded-Proto}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:citizen_facing;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "law12348.security.trusted-proxies=127.0.0.1",
        "law12348.ticketing.attachments.dir=target/test-attachments/citizen-facing",
        "law12348.ticketing.attachments.max-file-size=1MB"})
@Import(CitizenFacingApp.Time.class)
@interface CitizenFacingApp {

    @TestConfiguration(proxyBeanMethods = false)
    class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
