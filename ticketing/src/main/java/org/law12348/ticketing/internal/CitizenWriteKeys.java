package org.law12348.ticketing.internal;

import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.ticketing.SubmissionConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The {@code Idempotency-Key}s of a citizen's writes on a ticket (follow-up, acceptance, rating), so a
 * retry after a lost answer is not done twice. Each key is bound to its ticket and to the request it
 * first came with; both are kept only as keyed hashes, like intake's {@link SubmissionKeys}. Plain JDBC
 * for the same reason as {@link Submissions}.
 */
@Component
public class CitizenWriteKeys {

    /** How long a key answers retries; after that it is deleted by the retention run. */
    public static final Duration KEPT = Duration.ofDays(2);

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    CitizenWriteKeys(JdbcTemplate jdbc, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Inside the write's transaction, after the ticket's row lock (so concurrent retries of one key queue
     * behind each other): true when the key is new and now recorded, false when this same request was
     * done with it before.
     *
     * @throws SubmissionConflictException when the key came before with another write or other content
     */
    public boolean firstTime(String ticketNumber, String key, String action, String... requestParts) {
        String keyHash = cipher.blindIndex(SubmissionKeys.canonical("citizen-write", ticketNumber, key));
        String requestHash = cipher.blindIndex(SubmissionKeys.canonical("citizen-write-request:" + action, requestParts));
        List<String> earlier = jdbc.queryForList("select request_hash from citizen_write_key "
                + "where ticket_number = ? and key_hash = ?", String.class, ticketNumber, keyHash);
        if (!earlier.isEmpty()) {
            if (Submissions.sameHash(earlier.get(0), requestHash)) {
                return false;
            }
            throw new SubmissionConflictException("Idempotency-Key");
        }
        jdbc.update("insert into citizen_write_key (ticket_number, key_hash, request_hash, created_at) "
                + "values (?, ?, ?, ?)", ticketNumber, keyHash, requestHash, now());
        return true;
    }

    /** The ticket's personal data goes: so do the fingerprints computed from its follow-ups and rating. */
    public void forgetTicket(String ticketNumber) {
        jdbc.update("delete from citizen_write_key where ticket_number = ?", ticketNumber);
    }

    /** Deletes the keys older than {@link #KEPT}; returns how many went. */
    public int deleteOld() {
        return jdbc.update("delete from citizen_write_key where created_at < ?", now().minus(KEPT));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
