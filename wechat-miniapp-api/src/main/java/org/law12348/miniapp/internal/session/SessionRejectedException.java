package org.law12348.miniapp.internal.session;

/** The call carries no session token, or one that is malformed, tampered with or expired: 401. */
public class SessionRejectedException extends RuntimeException {

    private final String code;
    private final String chineseMessage;

    public SessionRejectedException(String code, String chineseMessage) {
        super(code);
        this.code = code;
        this.chineseMessage = chineseMessage;
    }

    public String code() {
        return code;
    }

    public String chineseMessage() {
        return chineseMessage;
    }
}
