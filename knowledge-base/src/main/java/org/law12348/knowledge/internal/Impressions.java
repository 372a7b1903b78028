package org.law12348.knowledge.internal;

import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Proof that a search showed an article to a client, so that "this solved my problem" counts only for
 * an article a search really put in front of that client, recently. The proof is an HMAC of the
 * article, the client address and the time shown, under the product's blind-index key with a prefix
 * of its own (no other use of that key hashes such input); it holds no state, so any node checks what
 * another issued, and a script cannot make one without searching from the address it deflects from.
 */
@Component
public class Impressions {

    /** How long after a search its results may be marked as having solved the problem. */
    public static final Duration VALID_FOR = Duration.ofHours(2);

    private static final String SHOWN = "kb-impression\n";
    private static final String CLIENT_OF_DAY = "kb-deflection-client\n";
    private static final int MAX_LENGTH = 64;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final PersonalDataCipher cipher;
    private final Clock clock;

    Impressions(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The proof that {@code articleId} was shown to {@code client} now. */
    public String issue(String articleId, String client) {
        long shownAt = clock.instant().getEpochSecond();
        return shownAt + "." + mac(articleId, client, shownAt);
    }

    /** True when {@code impression} proves that {@code articleId} was shown to {@code client} within {@link #VALID_FOR}. */
    public boolean proves(String impression, String articleId, String client) {
        if (impression == null || impression.length() > MAX_LENGTH || impression.indexOf('.') < 1) {
            return false;
        }
        int dot = impression.indexOf('.');
        long shownAt;
        try {
            shownAt = Long.parseLong(impression.substring(0, dot));
        } catch (NumberFormatException notATime) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (shownAt > now + CLOCK_SKEW.toSeconds() || shownAt < now - VALID_FOR.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(mac(articleId, client, shownAt).getBytes(StandardCharsets.US_ASCII),
                impression.substring(dot + 1).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key one client is counted under on one day: a keyed hash, so no address is stored, and one
     * that differs from day to day, so a client's deflections on different days cannot be linked.
     */
    public String clientOfDay(String client, LocalDate day) {
        return cipher.blindIndex(CLIENT_OF_DAY + day + "\n" + client);
    }

    private String mac(String articleId, String client, long shownAt) {
        return cipher.blindIndex(SHOWN + shownAt + "\n" + client + "\n" + articleId).substring(0, 32);
    }
}
