package org.law12348.ticketing.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Period;

/**
 * How long closed tickets keep the citizen's personal data ({@code law12348.ticketing.retention.*}).
 *
 * @param enabled   false turns retention off entirely: no scheduled run, and the admin endpoint refuses
 * @param period    how long after closing a ticket keeps personal data (ISO-8601, e.g. P3Y)
 * @param cron      when the scheduled run starts (Spring cron, in the ticketing time zone)
 * @param batchSize tickets anonymised per transaction
 */
@ConfigurationProperties("law12348.ticketing.retention")
public record RetentionProperties(Boolean enabled, Period period, String cron, Integer batchSize) {

    public static final String DEFAULT_CRON = "0 30 3 * * *";

    public RetentionProperties {
        enabled = enabled == null || enabled;
        period = period == null ? Period.ofYears(3) : period;
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("law12348.ticketing.retention.period must be positive");
        }
        cron = cron == null || cron.isBlank() ? DEFAULT_CRON : cron;
        batchSize = batchSize == null ? 200 : batchSize;
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("law12348.ticketing.retention.batch-size must be 1..10000");
        }
    }
}
