package org.law12348.personaldata.audit;

/**
 * A page of the audit search asked for with a malformed limit, range or cursor: names the field, a
 * stable English code and a Chinese message; the web layer answers it as a 400 problem detail.
 */
public class InvalidAuditSearchException extends RuntimeException {

    private final String field;
    private final String code;

    public InvalidAuditSearchException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
