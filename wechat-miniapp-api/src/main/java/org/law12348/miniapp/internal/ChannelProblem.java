package org.law12348.miniapp.internal;

import org.springframework.http.HttpStatus;

import java.io.InterruptedIOException;

/**
 * A mini-program call that cannot be served for a reason of the channel: the platform refused the
 * sign-in code, is busy or unreachable, is not configured, or rejected the text. Carries what the
 * problem detail says: status, a stable code, a Chinese message and the field at fault if any.
 */
public class ChannelProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String chineseMessage;
    private final String field;
    private long retryAfterSeconds;

    public ChannelProblem(HttpStatus status, String code, String chineseMessage, String field) {
        super(code);
        this.status = status;
        this.code = code;
        this.chineseMessage = chineseMessage;
        this.field = field;
    }

    public static ChannelProblem notConfigured(String platform) {
        return new ChannelProblem(HttpStatus.SERVICE_UNAVAILABLE, "channel.notConfigured",
                platform + "服务尚未开通，请使用12348热线或网上服务大厅", null);
    }

    public static ChannelProblem busy(String platform) {
        return new ChannelProblem(HttpStatus.SERVICE_UNAVAILABLE, "channel.busy",
                platform + "服务繁忙，请稍后重试", null);
    }

    /** The platform could not be reached or did not answer: 503, worded by whether it timed out. */
    public static ChannelProblem unreachable(String platform, Throwable failure) {
        if (timedOut(failure)) {
            return new ChannelProblem(HttpStatus.SERVICE_UNAVAILABLE, "channel.busy",
                    platform + "服务响应超时，请稍后重试", null);
        }
        return busy(platform);
    }

    /** Whether a failed platform call gave up waiting (connect or read timeout), whatever the SDK wrapped it in. */
    public static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    public static ChannelProblem platformError(String platform) {
        return new ChannelProblem(HttpStatus.BAD_GATEWAY, "channel.platformError",
                platform + "服务暂时异常，请稍后重试", null);
    }

    /** 429: the citizen (or the number, or the address) asked too often; worth trying again after the pause. */
    public static ChannelProblem tooOften(String code, String chineseMessage, String field, java.time.Duration pause) {
        ChannelProblem problem = new ChannelProblem(HttpStatus.TOO_MANY_REQUESTS, code, chineseMessage, field);
        problem.retryAfterSeconds = Math.max(1, (pause.toMillis() + 999) / 1000);
        return problem;
    }

    public static ChannelProblem signInRejected(String code, String chineseMessage) {
        return new ChannelProblem(HttpStatus.UNAUTHORIZED, code, chineseMessage, "code");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String chineseMessage() {
        return chineseMessage;
    }

    public String field() {
        return field;
    }

    /** Seconds to wait before asking again (the Retry-After of a 429), 0 when the problem does not say. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
