package org.law12348.ticketing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings of the ticketing module ({@code law12348.ticketing.*}).
 *
 * @param numberPrefix        two letters that start every ticket number (GD for Guangdong)
 * @param zone                the time zone whose date appears in ticket numbers
 * @param maxTextLength       the longest question or matter text accepted, in characters
 * @param maxSubjectLength    the longest subject accepted
 * @param trackingSecret      HMAC key for citizens' tracking tokens; empty keeps a generated one in the database
 * @param trackingTokenValidityAfterClose how long after its ticket closes a tracking token still opens it
 *                            (to read the answer, rate it, export or ask for erasure); then it is refused
 * @param outboxPollInterval  how often unrelayed events are picked up (the after-commit push handles most)
 * @param outsourcedDeadlineHours how long the outsourced unit has once the volunteer pool handed a question over
 * @param unitRefresh         how long intake trusts a handling unit it read; a change made on another node
 *                            reaches this node's intake within it
 */
@ConfigurationProperties("law12348.ticketing")
public record TicketingProperties(String numberPrefix, ZoneId zone, Integer maxTextLength, Integer maxSubjectLength,
                                  String trackingSecret, Duration outboxPollInterval,
                                  Integer outsourcedDeadlineHours, Duration trackingTokenValidityAfterClose,
                                  Duration unitRefresh) {

    public TicketingProperties {
        numberPrefix = numberPrefix == null || numberPrefix.isBlank() ? "GD" : numberPrefix;
        if (!numberPrefix.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("law12348.ticketing.number-prefix must be two capital letters");
        }
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        maxTextLength = maxTextLength == null ? 4000 : maxTextLength;
        maxSubjectLength = maxSubjectLength == null ? 100 : maxSubjectLength;
        trackingSecret = trackingSecret == null ? "" : trackingSecret;
        outboxPollInterval = outboxPollInterval == null ? Duration.ofSeconds(2) : outboxPollInterval;
        outsourcedDeadlineHours = outsourcedDeadlineHours == null ? 48 : outsourcedDeadlineHours;
        trackingTokenValidityAfterClose = trackingTokenValidityAfterClose == null ? Duration.ofDays(90)
                : trackingTokenValidityAfterClose;
        unitRefresh = unitRefresh == null ? Duration.ofSeconds(10) : unitRefresh;
        if (trackingTokenValidityAfterClose.isNegative()) {
            throw new IllegalArgumentException("law12348.ticketing.tracking-token-validity-after-close must not be negative");
        }
    }
}
