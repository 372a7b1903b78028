package org.law12348.attachments;

/**
 * An upload the ticket does not take, always about the field {@code file}: too large, of a type not
 * accepted or not what its name says, unreadable, or one more than the ticket may hold.
 */
public class AttachmentRefusedException extends RuntimeException {

    /** Why; each maps to its own HTTP status. */
    public enum Reason { TOO_LARGE, WRONG_TYPE, UNREADABLE, TOO_MANY }

    private final Reason reason;
    private final String code;

    AttachmentRefusedException(Reason reason, String code, String chineseMessage) {
        super(chineseMessage, null, false, false);
        this.reason = reason;
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    /** Stable English code, e.g. {@code file.typeMismatch}. */
    public String code() {
        return code;
    }

    public String field() {
        return "file";
    }

    public String chineseMessage() {
        return getMessage();
    }
}
