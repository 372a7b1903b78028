package org.law12348.ticketing.internal;

import org.law12348.ticketing.TicketingProperties;
import org.law12348.ticketing.TrackingTokenCheck;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The token a citizen keeps to follow a ticket without an account: an HMAC of the ticket number.
 * Nothing per ticket is stored, so a retried submission gets the same token back. The key comes
 * from configuration or, by default, is generated once and kept in the database, shared by all nodes.
 * A token opens its ticket while the ticket is open and for a configured period after it closed
 * ({@code law12348.ticketing.tracking-token-validity-after-close}); it is accepted in a header or a
 * form body, never from a URL's query string, where logs, history and referrers would keep it.
 */
@Component
public class TrackingTokens implements TrackingTokenCheck {

    private static final String SECRET_NAME = "tracking-token-key";

    private final SecretKeySpec key;
    private final JdbcTemplate jdbc;
    private final Duration validityAfterClose;
    private final Clock clock;

    TrackingTokens(TicketingProperties properties, JdbcTemplate jdbc, Clock clock) {
        byte[] secret = properties.trackingSecret().isBlank()
                ? storedSecret(jdbc)
                : properties.trackingSecret().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.jdbc = jdbc;
        this.validityAfterClose = properties.trackingTokenValidityAfterClose();
        this.clock = clock;
    }

    public String tokenFor(String ticketNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(ticketNumber.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Whether {@code presented} opens the ticket: the right token (compared in constant time, so it can't
     * be guessed character by character) of a ticket that is open or closed less than the validity ago.
     */
    @Override
    public boolean matches(String ticketNumber, String presented) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(ticketNumber).getBytes(StandardCharsets.US_ASCII),
                presented.strip().getBytes(StandardCharsets.UTF_8)) && stillValid(ticketNumber);
    }

    private boolean stillValid(String ticketNumber) {
        List<Optional<Instant>> closed = jdbc.query("select closed_at from ticket where number = ?",
                (rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant), ticketNumber);
        return !closed.isEmpty() && closed.get(0)
                .map(at -> clock.instant().isBefore(at.plus(validityAfterClose)))
                .orElse(true);
    }

    private static byte[] storedSecret(JdbcTemplate jdbc) {
        List<String> existing = jdbc.queryForList("select secret_value from app_secret where name = ?", String.class,
                SECRET_NAME);
        if (existing.isEmpty()) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.update("insert into app_secret (name, secret_value) values (?, ?)", SECRET_NAME,
                        Base64.getEncoder().encodeToString(fresh));
            } catch (DataIntegrityViolationException anotherNodeWasFirst) {
                return storedSecret(jdbc);
            }
            return fresh;
        }
        return Base64.getDecoder().decode(existing.get(0));
    }
}
