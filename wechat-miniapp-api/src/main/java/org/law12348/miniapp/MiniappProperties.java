package org.law12348.miniapp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

/**
 * Settings of the mini-program channels ({@code law12348.miniapp.*}). Credentials come from the
 * environment (relaxed binding, e.g. {@code LAW12348_MINIAPP_WECHAT_APPID}); a channel without its
 * credentials answers 503 and the rest of the product runs.
 *
 * @param wechat        the WeChat mini-program (WxJava)
 * @param alipay        the Alipay mini-program (Alipay SDK, RSA2)
 * @param session       the session tokens this server signs for signed-in citizens
 * @param uploads       where images of service requests are kept and how large they may be
 * @param notifications how subscribe / template messages are retried
 * @param retention     how long an account nobody signs in to is kept
 * @param sms           text messages (Alibaba Cloud SMS): web sign-in codes and notices to callers and web users
 */
@ConfigurationProperties("law12348.miniapp")
public record MiniappProperties(Wechat wechat, Alipay alipay, Session session, Uploads uploads,
                                Notifications notifications, Retention retention, Sms sms) {

    public MiniappProperties {
        wechat = wechat == null ? new Wechat(null, null, null, null, null, null, null, null, null, null) : wechat;
        alipay = alipay == null ? new Alipay(null, null, null, null, null, null, null, null) : alipay;
        session = session == null ? new Session(null, null) : session;
        uploads = uploads == null ? new Uploads(null, null, null) : uploads;
        notifications = notifications == null ? new Notifications(null, null, null, null) : notifications;
        retention = retention == null ? new Retention(null) : retention;
        sms = sms == null ? new Sms(null, null, null, null, null, null, null, null, null) : sms;
        // an account is in use for as long as a session token lasts, but only the sign-in records it
        Period unused = retention.unusedAccountAfter();
        if (Duration.ofDays(unused.toTotalMonths() * 28 + unused.getDays()).compareTo(session.ttl()) <= 0) {
            throw new IllegalArgumentException("law12348.miniapp.retention.unused-account-after must be longer than "
                    + "law12348.miniapp.session.ttl");
        }
    }

    /**
     * @param unusedAccountAfter how long after its last sign-in an account is deleted, with its send grants
     *                           and client message ids (ISO-8601, e.g. P3Y); runs with ticket retention
     *                           ({@code law12348.ticketing.retention.enabled} and {@code .cron})
     */
    public record Retention(Period unusedAccountAfter) {
        public Retention {
            unusedAccountAfter = unusedAccountAfter == null ? Period.ofYears(3) : unusedAccountAfter;
            if (unusedAccountAfter.isNegative() || unusedAccountAfter.isZero()) {
                throw new IllegalArgumentException("law12348.miniapp.retention.unused-account-after must be positive");
            }
        }
    }

    /**
     * @param appId       the mini-program's AppID
     * @param secret      its AppSecret
     * @param token       message-push token (kept for the push endpoint; unused by the JSON API)
     * @param aesKey      message-push EncodingAESKey
     * @param apiHost     overrides {@code https://api.weixin.qq.com} (a proxy, or a test server)
     * @param templates   subscribe-message templates
     * @param retries     how often WxJava repeats a call WeChat answered "system busy" (-1)
     * @param retrySleep  the first pause before such a repeat (doubles each time)
     * @param connectTimeout how long to wait for a connection to WeChat
     * @param readTimeout    how long to wait for WeChat's answer once the request is sent; a sign-in
     *                       waits at most this long before the citizen is told to try again
     */
    public record Wechat(String appId, String secret, String token, String aesKey, String apiHost,
                         Templates templates, Integer retries, Duration retrySleep, Duration connectTimeout,
                         Duration readTimeout) {
        public Wechat {
            templates = templates == null ? Templates.wechatDefaults() : templates.withDefaults(Templates.wechatDefaults());
            retries = retries == null ? 2 : retries;
            retrySleep = retrySleep == null ? Duration.ofMillis(500) : retrySleep;
            connectTimeout = timeout(connectTimeout, Duration.ofSeconds(5), "wechat.connect-timeout");
            readTimeout = timeout(readTimeout, Duration.ofSeconds(5), "wechat.read-timeout");
        }

        public boolean configured() {
            return hasText(appId) && hasText(secret);
        }
    }

    /**
     * @param appId           the Alipay mini-program's app id
     * @param privateKey      the application's RSA2 private key (PKCS#8, base64)
     * @param alipayPublicKey Alipay's public key (X.509, base64) that signs responses
     * @param gatewayUrl      the open-platform gateway
     * @param aesKey          the content-encryption key (for getPhoneNumber payloads)
     * @param templates       mini-program template messages
     * @param connectTimeout  how long to wait for a connection to the gateway
     * @param readTimeout     how long to wait for the gateway's answer once the request is sent
     */
    public record Alipay(String appId, String privateKey, String alipayPublicKey, String gatewayUrl, String aesKey,
                         Templates templates, Duration connectTimeout, Duration readTimeout) {
        public Alipay {
            gatewayUrl = hasText(gatewayUrl) ? gatewayUrl : "https://openapi.alipay.com/gateway.do";
            templates = templates == null ? Templates.alipayDefaults() : templates.withDefaults(Templates.alipayDefaults());
            connectTimeout = timeout(connectTimeout, Duration.ofSeconds(5), "alipay.connect-timeout");
            readTimeout = timeout(readTimeout, Duration.ofSeconds(10), "alipay.read-timeout");
        }

        public boolean configured() {
            return hasText(appId) && hasText(privateKey) && hasText(alipayPublicKey);
        }
    }

    /**
     * Template ids per notice kind (empty: that kind is not sent) and the template's data keys.
     *
     * @param reminder     a legal clock of the citizen's runs out soon (title 法律期限提醒, summary the clock)
     * @param page         the mini-program page the message opens; {@code {number}} is replaced
     */
    public record Templates(String accepted, String answered, String closed, String reminder, String page,
                            String numberKey, String titleKey, String summaryKey, String timeKey) {

        static Templates wechatDefaults() {
            return new Templates("", "", "", "", "pages/ticket/detail?number={number}", "character_string1",
                    "thing2", "thing3", "time4");
        }

        static Templates alipayDefaults() {
            return new Templates("", "", "", "", "pages/ticket/detail?number={number}", "keyword1", "keyword2",
                    "keyword3", "keyword4");
        }

        Templates withDefaults(Templates d) {
            return new Templates(or(accepted, d.accepted), or(answered, d.answered), or(closed, d.closed),
                    or(reminder, d.reminder), or(page, d.page), or(numberKey, d.numberKey), or(titleKey, d.titleKey),
                    or(summaryKey, d.summaryKey), or(timeKey, d.timeKey));
        }
    }

    /**
     * @param secret HMAC key of session tokens; empty keeps a generated one in the database (all nodes share it)
     * @param ttl    how long a session token is valid
     */
    public record Session(String secret, Duration ttl) {
        public Session {
            secret = secret == null ? "" : secret;
            ttl = ttl == null ? Duration.ofHours(2) : ttl;
        }
    }

    /**
     * @param dir          directory for images of service requests
     * @param maxImageSize largest image accepted
     * @param maxImages    most images per request
     */
    public record Uploads(Path dir, DataSize maxImageSize, Integer maxImages) {
        public Uploads {
            dir = dir == null ? Path.of("data", "miniapp-images") : dir;
            maxImageSize = maxImageSize == null ? DataSize.ofMegabytes(2) : maxImageSize;
            maxImages = maxImages == null ? 3 : maxImages;
        }
    }

    /**
     * @param pollInterval   how often due notifications are sent
     * @param maxAttempts    attempts before a notification is given up
     * @param initialBackoff pause after the first failed attempt; doubles after each further one
     * @param maxBackoff     the longest pause
     */
    public record Notifications(Duration pollInterval, Integer maxAttempts, Duration initialBackoff,
                                Duration maxBackoff) {
        public Notifications {
            pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
            maxAttempts = maxAttempts == null ? 5 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        }

        /** The pause after the given number of failed attempts: initial × 2^(failures−1), capped. */
        public Duration backoffAfter(int failures) {
            Duration pause = initialBackoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
            return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
        }
    }

    /**
     * @param accessKeyId     the RAM user's AccessKey id (environment: {@code LAW12348_MINIAPP_SMS_ACCESSKEYID})
     * @param accessKeySecret its secret
     * @param endpoint        host (and port) of the SMS API; a proxy or a test server may stand in
     * @param protocol        {@code HTTPS} (default) or {@code HTTP} (a local test server only)
     * @param signName        the approved signature shown in front of every message, e.g. 12348法律服务
     * @param templates       approved template codes per message kind (empty: that kind is not sent)
     * @param codes           how one-time sign-in codes are limited
     * @param connectTimeout  how long to wait for a connection
     * @param readTimeout     how long to wait for the answer; a citizen asking for a code waits at most this
     */
    public record Sms(String accessKeyId, String accessKeySecret, String endpoint, String protocol, String signName,
                      SmsTemplates templates, SmsCodes codes, Duration connectTimeout, Duration readTimeout) {
        public Sms {
            endpoint = or(endpoint, "dysmsapi.aliyuncs.com");
            protocol = or(protocol, "HTTPS").toUpperCase(java.util.Locale.ROOT);
            if (!protocol.equals("HTTPS") && !protocol.equals("HTTP")) {
                throw new IllegalArgumentException("law12348.miniapp.sms.protocol must be HTTPS or HTTP");
            }
            signName = signName == null ? "" : signName;
            templates = templates == null ? new SmsTemplates(null, null, null, null, null) : templates;
            codes = codes == null ? new SmsCodes(null, null, null, null, null, null) : codes;
            connectTimeout = timeout(connectTimeout, Duration.ofSeconds(3), "sms.connect-timeout");
            readTimeout = timeout(readTimeout, Duration.ofSeconds(5), "sms.read-timeout");
        }

        public boolean configured() {
            return hasText(accessKeyId) && hasText(accessKeySecret) && hasText(signName);
        }
    }

    /**
     * Template codes as approved in the SMS console. The sign-in template has one variable,
     * {@code code}; the notice templates (the legal-clock reminder too) one, {@code number} (the ticket number).
     */
    public record SmsTemplates(String signInCode, String accepted, String answered, String closed, String reminder) {
        public SmsTemplates {
            signInCode = signInCode == null ? "" : signInCode;
            accepted = accepted == null ? "" : accepted;
            answered = answered == null ? "" : answered;
            closed = closed == null ? "" : closed;
            reminder = reminder == null ? "" : reminder;
        }
    }

    /**
     * @param ttl              how long a code may be used
     * @param resendAfter      the shortest time between two codes to one number
     * @param perNumberPerHour codes one number may receive in an hour
     * @param perNumberPerDay  … in a day
     * @param perSourcePerHour codes one client address may ask for in an hour (whatever the numbers)
     * @param maxAttempts      wrong guesses after which a code is void
     */
    public record SmsCodes(Duration ttl, Duration resendAfter, Integer perNumberPerHour, Integer perNumberPerDay,
                           Integer perSourcePerHour, Integer maxAttempts) {
        public SmsCodes {
            ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
            resendAfter = resendAfter == null ? Duration.ofSeconds(60) : resendAfter;
            perNumberPerHour = perNumberPerHour == null ? 5 : perNumberPerHour;
            perNumberPerDay = perNumberPerDay == null ? 10 : perNumberPerDay;
            perSourcePerHour = perSourcePerHour == null ? 20 : perSourcePerHour;
            maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        }
    }

    /** A timeout of the platform SDKs, which take whole milliseconds: positive, and at most a minute. */
    private static Duration timeout(Duration value, Duration fallback, String name) {
        Duration timeout = value == null ? fallback : value;
        if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("law12348.miniapp." + name + " must be between 1ms and 1 minute");
        }
        return timeout;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String or(String value, String fallback) {
        return hasText(value) ? value : fallback;
    }
}
