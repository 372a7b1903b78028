package org.law12348.knowledge.internal;

import org.junit.jupiter.api.Test;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.personaldata.privacy.PrivacyProperties;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What proves that a search showed an article to a client (issue 17: deflections were inflated by a script). */
class ImpressionsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final PersonalDataCipher CIPHER = new PersonalDataCipher(new PrivacyProperties(
            Map.of("k", KEY), "k", Base64.getEncoder().encodeToString(
                    "impressions-test-index-key-32byt".getBytes(StandardCharsets.US_ASCII)), false));
    private static final Instant SHOWN = Instant.parse("2026-12-06T08:00:00Z");

    private static Impressions at(Instant now) {
        return new Impressions(CIPHER, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void provesTheArticleShownToTheClientWithinTwoHours() {
        String impression = at(SHOWN).issue("demo-01", "203.0.113.7");

        assertThat(at(SHOWN.plus(Duration.ofMinutes(119))).proves(impression, "demo-01", "203.0.113.7")).isTrue();
        assertThat(at(SHOWN.plus(Duration.ofMinutes(121))).proves(impression, "demo-01", "203.0.113.7")).isFalse();
    }

    @Test
    void provesNothingForAnotherArticleClientOrAnAlteredProof() {
        String impression = at(SHOWN).issue("demo-01", "203.0.113.7");
        Impressions now = at(SHOWN.plusSeconds(30));

        assertThat(now.proves(impression, "demo-02", "203.0.113.7")).isFalse();
        assertThat(now.proves(impression, "demo-01", "203.0.113.8")).isFalse();
        String laterTime = (SHOWN.getEpochSecond() + 10) + impression.substring(impression.indexOf('.'));
        assertThat(now.proves(laterTime, "demo-01", "203.0.113.7")).isFalse();
        String futureProof = at(SHOWN.plus(Duration.ofHours(1))).issue("demo-01", "203.0.113.7");
        assertThat(now.proves(futureProof, "demo-01", "203.0.113.7")).as("shown after now").isFalse();
        for (String garbage : new String[] {null, "", ".", "x.y", "99999999999999999999.ab", "1.", "a".repeat(100)}) {
            assertThat(now.proves(garbage, "demo-01", "203.0.113.7")).as(String.valueOf(garbage)).isFalse();
        }
    }

    @Test
    void countsAClientUnderAKeyOfTheDayThatHoldsNoAddress() {
        Impressions impressions = at(SHOWN);
        String monday = impressions.clientOfDay("203.0.113.7", LocalDate.of(2026, 12, 7));

        assertThat(monday).isEqualTo(impressions.clientOfDay("203.0.113.7", LocalDate.of(2026, 12, 7)))
                .isNotEqualTo(impressions.clientOfDay("203.0.113.7", LocalDate.of(2026, 12, 8)))
                .isNotEqualTo(impressions.clientOfDay("203.0.113.8", LocalDate.of(2026, 12, 7)))
                .doesNotContain("203").hasSize(64);
    }
}
