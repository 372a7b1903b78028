package org.law12348.miniapp.internal.session;

import org.law12348.miniapp.MiniappProperties;
import org.law12348.ticketing.Channel;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session tokens the server signs for signed-in citizens: {@code m1.<citizen>.<W|A>.<expiry>.<HMAC>}.
 * They carry no personal data; the HMAC-SHA256 over the first four parts proves we issued them, the
 * expiry (epoch seconds) bounds them. No server-side session state, so every node accepts them.
 */
@Component
public class SessionTokens {

    private static final Pattern FORM = Pattern.compile("m1\\.(\\d{1,18})\\.([WAS])\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SessionSecret secret;
    private final Duration ttl;
    private final Clock clock;

    SessionTokens(SessionSecret secret, MiniappProperties properties, Clock clock) {
        this.secret = secret;
        this.ttl = properties.session().ttl();
        this.clock = clock;
    }

    public String issue(long citizenId, Channel channel) {
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        String payload = "m1." + citizenId + "." + letter(channel) + "." + expiry;
        return payload + "." + sign(payload);
    }

    public Duration ttl() {
        return ttl;
    }

    /** Reads an {@code Authorization: Bearer …} header value. */
    public CitizenSession verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new SessionRejectedException("session.missing", "请先登录");
        }
        String token = authorization.substring(7).strip();
        Matcher m = FORM.matcher(token);
        if (!m.matches()) {
            throw new SessionRejectedException("session.invalid", "登录状态无效，请重新登录");
        }
        String payload = token.substring(0, token.lastIndexOf('.'));
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(4).getBytes(StandardCharsets.US_ASCII))) {
            throw new SessionRejectedException("session.invalid", "登录状态无效，请重新登录");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(m.group(3)));
        if (!clock.instant().isBefore(expiresAt)) {
            throw new SessionRejectedException("session.expired", "登录已过期，请重新登录");
        }
        return new CitizenSession(Long.parseLong(m.group(1)), channel(m.group(2)),
                expiresAt);
    }

    /** The channel's letter in a token: W WeChat, A Alipay, S the web after an SMS code. */
    private static String letter(Channel channel) {
        return switch (channel) {
            case WECHAT -> "W";
            case ALIPAY -> "A";
            case WEB -> "S";
            default -> throw new IllegalArgumentException("no citizen sessions on channel " + channel);
        };
    }

    private static Channel channel(String letter) {
        return switch (letter) {
            case "W" -> Channel.WECHAT;
            case "A" -> Channel.ALIPAY;
            default -> Channel.WEB;
        };
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
