package org.law12348.ticketing.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The ledger of submissions taken in: each channel reference (hashed, see {@link SubmissionKeys}) with
 * the fingerprint of its request and the ticket it made. Written with plain JDBC on purpose: a claim
 * that loses to an earlier one is an expected outcome, and through Hibernate the refused insert would
 * be logged at ERROR with the statement it failed in.
 */
@Component
public class Submissions {

    /** The fingerprint of an anonymised ticket's submission: matches no request, so no replay answers it. */
    public static final String ANONYMISED = "anonymised";

    /** A submission taken in: the fingerprint of its request and its ticket. */
    public record Taken(String fingerprint, long ticketId) {

        /** Whether {@code fingerprint} is the one this submission came with (compared in constant time). */
        public boolean sameRequest(String other) {
            return sameHash(fingerprint, other);
        }
    }

    /** Whether two stored hashes are the same, compared in constant time. */
    static boolean sameHash(String one, String other) {
        return MessageDigest.isEqual(one.getBytes(StandardCharsets.US_ASCII), other.getBytes(StandardCharsets.US_ASCII));
    }

    private final JdbcTemplate jdbc;

    Submissions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a reference for a ticket, in the caller's transaction (its first statement, so a lost claim
     * costs nothing else).
     *
     * @throws DuplicateKeyException when the reference was claimed before (or by a concurrent
     *                               transaction that committed); the caller's transaction must roll back
     */
    public void claim(String reference, String fingerprint, long ticketId) {
        jdbc.update("insert into intake_submission (reference_hash, request_hash, ticket_id) values (?, ?, ?)",
                reference, fingerprint, ticketId);
    }

    public Optional<Taken> find(String reference) {
        return jdbc.query("select request_hash, ticket_id from intake_submission where reference_hash = ?",
                rs -> rs.next() ? Optional.of(new Taken(rs.getString(1), rs.getLong(2))) : Optional.empty(),
                reference);
    }

    /** The ticket's personal data goes: so does the fingerprint computed from it. */
    public void forgetRequest(String reference) {
        jdbc.update("update intake_submission set request_hash = ? where reference_hash = ?", ANONYMISED, reference);
    }
}
