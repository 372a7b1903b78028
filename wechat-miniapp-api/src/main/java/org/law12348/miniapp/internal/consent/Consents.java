package org.law12348.miniapp.internal.consent;

import org.law12348.ticketing.Channel;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PrivacyConsents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The record of consents to the citizen app's privacy notice (PIPL art. 14, 15): what was accepted and
 * withdrawn, kept as proof after a withdrawal. Ids are random UUIDs, so on the web, where the consent is
 * anonymous, the id held on the device is what proves it is the citizen's own to withdraw.
 */
@Service
public class Consents implements PrivacyConsents {

    /** The versions of the privacy notice the citizen app shows (its {@code NOTICE_VERSION}); new ones are added. */
    static final Set<String> NOTICE_VERSIONS = Set.of("2026-12-06");
    private static final Set<Channel> CHANNELS = EnumSet.of(Channel.WEB, Channel.WECHAT, Channel.ALIPAY);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Consents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a consent to {@code noticeVersion} given on {@code channelName}: under {@code accountId}
     * when the citizen is signed in (then on the channel they signed in on, {@code signedInOn}), else
     * anonymous ({@code null} for both).
     */
    public Consent record(String noticeVersion, String channelName, Long accountId, Channel signedInOn) {
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        if (noticeVersion == null || noticeVersion.isBlank()) {
            violations.add(new InvalidInputException.Violation("noticeVersion", "field.required",
                    "缺少个人信息保护说明的版本"));
        } else if (!NOTICE_VERSIONS.contains(noticeVersion)) {
            violations.add(new InvalidInputException.Violation("noticeVersion", "noticeVersion.unknown",
                    "没有这个版本的个人信息保护说明，请更新后重新阅读并同意"));
        }
        Channel channel = channelOf(channelName, violations);
        if (channel != null && signedInOn != null && channel != signedInOn) {
            violations.add(new InvalidInputException.Violation("channel", "channel.mismatch", "渠道与当前登录方式不一致"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // as the database keeps it (microseconds), so the answer equals what is stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into citizen_consent (id, notice_version, channel, account_id, recorded_at) "
                + "values (?, ?, ?, ?, ?)", id, noticeVersion, channel.name(), accountId, at(now));
        return new Consent(id, noticeVersion, channel, accountId, now, null);
    }

    private static Channel channelOf(String name, List<InvalidInputException.Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new InvalidInputException.Violation("channel", "field.required", "缺少渠道"));
            return null;
        }
        for (Channel channel : CHANNELS) {
            if (channel.name().equals(name)) {
                return channel;
            }
        }
        violations.add(new InvalidInputException.Violation("channel", "channel.invalid",
                "渠道应为 WEB、WECHAT 或 ALIPAY"));
        return null;
    }

    /**
     * Marks the consent withdrawn; the row stays as proof. One given under an account only its account
     * may withdraw ({@code callerAccountId}, null for an anonymous caller); an anonymous one, whoever
     * holds its id. Unknown, already withdrawn or another's: {@link ConsentNotFoundException}.
     */
    public void withdraw(String consentId, Long callerAccountId) {
        if (consentId == null || !ID.matcher(consentId).matches()) {
            throw new ConsentNotFoundException();
        }
        // one statement: two withdrawals at once cannot both succeed
        int withdrawn = jdbc.update("update citizen_consent set withdrawn_at = ? where id = ? and withdrawn_at is null "
                + "and (account_id is null or account_id = ?)", at(clock.instant()), consentId, callerAccountId);
        if (withdrawn == 0) {
            throw new ConsentNotFoundException();
        }
    }

    /**
     * For the intake: a consent given on {@code channel} that is recorded and not withdrawn. The web's are
     * anonymous, so holding the id is what shows it is the submitter's.
     */
    @Override
    public boolean inForce(String consentId, Channel channel) {
        if (consentId == null || !ID.matcher(consentId).matches()) {
            return false;
        }
        Integer found = jdbc.queryForObject("select count(*) from citizen_consent where id = ? and channel = ? "
                + "and withdrawn_at is null", Integer.class, consentId, channel.name());
        return found != null && found > 0;
    }

    /** Marks every consent given under the account withdrawn; answers how many were still in force. */
    public int withdrawAllOf(long accountId) {
        return jdbc.update("update citizen_consent set withdrawn_at = ? where account_id = ? and withdrawn_at is null",
                at(clock.instant()), accountId);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
