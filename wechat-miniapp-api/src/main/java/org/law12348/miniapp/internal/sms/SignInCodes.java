package org.law12348.miniapp.internal.sms;

import org.law12348.miniapp.MiniappProperties;
import org.law12348.miniapp.internal.ChannelProblem;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.ticketing.PhoneNumber;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * One-time sign-in codes sent by SMS. A code is six random digits, valid for {@code codes.ttl}, void
 * after {@code codes.max-attempts} wrong guesses and once used; only the newest code of a number
 * counts. Numbers and client addresses are limited (one code per {@code resend-after}, so many per hour
 * and day per number, so many per hour per address), so the form cannot be used to flood someone's
 * phone. Only keyed hashes are stored and nothing about a code is ever logged.
 */
@Service
public class SignInCodes {

    /** When the next code may be asked for, and until when this one is valid. */
    public record Issued(Instant resendAfter, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final AliyunSms sms;
    private final MiniappProperties.SmsCodes limits;
    private final Clock clock;

    SignInCodes(JdbcTemplate jdbc, PersonalDataCipher cipher, AliyunSms sms, MiniappProperties properties,
                Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.sms = sms;
        this.limits = properties.sms().codes();
        this.clock = clock;
    }

    /** Sends a new code to the number, unless it or the asking address is over its limit (429). */
    public Issued send(PhoneNumber phone, String clientAddress) {
        if (!sms.configured()) {
            throw ChannelProblem.notConfigured(AliyunSms.PLATFORM);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String phoneHash = cipher.blindIndex(phone.value());
        String sourceHash = cipher.blindIndex("sms-source:" + clientAddress);
        checkLimits(phoneHash, sourceHash, now);
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        Instant expiresAt = now.plus(limits.ttl());
        jdbc.update("insert into miniapp_sms_code (phone_hash, source_hash, code_hash, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?)", phoneHash, sourceHash, codeHash(phoneHash, code), at(now), at(expiresAt));
        // two requests at once both passed the checks: the later rows give way, so one code goes out
        Long first = jdbc.queryForObject("select min(id) from miniapp_sms_code where phone_hash = ? and created_at > ?",
                Long.class, phoneHash, at(now.minus(limits.resendAfter())));
        Long mine = jdbc.queryForObject("select max(id) from miniapp_sms_code where phone_hash = ? and code_hash = ?",
                Long.class, phoneHash, codeHash(phoneHash, code));
        if (first != null && !first.equals(mine)) {
            jdbc.update("delete from miniapp_sms_code where id = ?", mine);
            throw tooSoon(limits.resendAfter());
        }
        try {
            sms.sendCode(phone, code);
        } catch (RuntimeException notSent) {
            // a code that never left does not count against the number, and cannot be used
            jdbc.update("delete from miniapp_sms_code where id = ?", mine);
            throw notSent;
        }
        return new Issued(now.plus(limits.resendAfter()), expiresAt);
    }

    /** Uses the number's newest code; a wrong, expired, used or over-guessed code is refused (400, field code). */
    public void use(PhoneNumber phone, String code) {
        Instant now = clock.instant();
        String phoneHash = cipher.blindIndex(phone.value());
        List<Map<String, Object>> newest = jdbc.queryForList("select id, code_hash, expires_at, attempts, used_at "
                + "from miniapp_sms_code where phone_hash = ? order by id desc limit 1", phoneHash);
        if (newest.isEmpty() || newest.get(0).get("used_at") != null
                || !now.isBefore(instant(newest.get(0).get("expires_at")))) {
            throw refused("验证码错误或已过期，请重新获取");
        }
        long id = ((Number) newest.get(0).get("id")).longValue();
        // count the guess first: parallel guesses cannot get past the limit
        int counted = jdbc.update("update miniapp_sms_code set attempts = attempts + 1 where id = ? and attempts < ? "
                + "and used_at is null", id, limits.maxAttempts());
        if (counted == 0) {
            throw refused("验证码错误次数过多，请重新获取");
        }
        boolean matches = MessageDigest.isEqual(codeHash(phoneHash, code).getBytes(StandardCharsets.US_ASCII),
                ((String) newest.get(0).get("code_hash")).getBytes(StandardCharsets.US_ASCII));
        if (!matches || jdbc.update("update miniapp_sms_code set used_at = ? where id = ? and used_at is null",
                at(now), id) == 0) {
            throw refused("验证码错误或已过期，请重新获取");
        }
    }

    /** Deletes codes that can no longer be used nor count against a limit (older than two days). */
    public int deleteOld() {
        return jdbc.update("delete from miniapp_sms_code where created_at < ?", at(clock.instant().minus(Duration.ofDays(2))));
    }

    private void checkLimits(String phoneHash, String sourceHash, Instant now) {
        OffsetDateTime newest = jdbc.queryForObject("select max(created_at) from miniapp_sms_code where phone_hash = ?",
                OffsetDateTime.class, phoneHash);
        Instant latest = newest == null ? null : newest.toInstant();
        if (latest != null && latest.plus(limits.resendAfter()).isAfter(now)) {
            throw tooSoon(Duration.between(now, latest.plus(limits.resendAfter())));
        }
        if (count("phone_hash", phoneHash, now.minus(Duration.ofHours(1))) >= limits.perNumberPerHour()
                || count("phone_hash", phoneHash, now.minus(Duration.ofDays(1))) >= limits.perNumberPerDay()) {
            throw ChannelProblem.tooOften("sms.numberLimit", "该号码今日获取验证码次数过多，请稍后再试或拨打12348热线",
                    "phone", Duration.ofHours(1));
        }
        if (count("source_hash", sourceHash, now.minus(Duration.ofHours(1))) >= limits.perSourcePerHour()) {
            throw ChannelProblem.tooOften("sms.sourceLimit", "获取验证码过于频繁，请一小时后再试", "phone",
                    Duration.ofHours(1));
        }
    }

    private int count(String column, String hash, Instant since) {
        Integer n = jdbc.queryForObject("select count(*) from miniapp_sms_code where " + column + " = ? and created_at > ?",
                Integer.class, hash, at(since));
        return n == null ? 0 : n;
    }

    private String codeHash(String phoneHash, String code) {
        return cipher.blindIndex("sms-code:" + phoneHash + ":" + code);
    }

    private static ChannelProblem tooSoon(Duration wait) {
        return ChannelProblem.tooOften("sms.tooSoon", "验证码已发送，请稍后再获取", "phone", wait);
    }

    private static ChannelProblem refused(String message) {
        return new ChannelProblem(HttpStatus.BAD_REQUEST, "sms.codeInvalid", message, "code");
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Object column) {
        if (column instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (column instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (column instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp type " + column.getClass());
    }
}
