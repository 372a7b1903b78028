package org.law12348.app;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One application with abuse limits low enough to reach in a test, shared by the test classes that
 * carry this annotation (same configuration, so Spring starts it once). 127.0.0.1 is a trusted proxy:
 * each test plays its clients through X-Forwarded-For and does not share their counts with another
 * test; requests over [::1] come from an untrusted peer, whose X-Forwarded-For is ignored.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:lowlimits;DB_CLOSE_DELAY=-1",
        "law12348.security.trusted-proxies=127.0.0.1",
        "law12348.security.login.max-failures=3",
        "law12348.security.login.window=PT15M",
        "law12348.security.rate-limits.intake.requests=3",
        "law12348.security.rate-limits.intake.per=PT1H",
        "law12348.security.rate-limits.knowledge-search.requests=3",
        "law12348.security.rate-limits.knowledge-search.per=PT1H",
        "law12348.security.rate-limits.miniapp-sign-in.requests=2",
        "law12348.security.rate-limits.miniapp-sign-in.per=PT1H",
        "law12348.security.rate-limits.registration.requests=2",
        "law12348.security.rate-limits.registration.per=PT1H",
        "law12348.security.rate-limits.public-writes.requests=6",
        "law12348.security.rate-limits.public-writes.per=PT1H",
        "law12348.security.rate-limits.per-ticket.requests=3",
        "law12348.security.rate-limits.per-ticket.per=PT1H"})
public @interface LowLimitsApp {
}
