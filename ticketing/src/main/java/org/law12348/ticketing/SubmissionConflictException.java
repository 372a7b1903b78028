package org.law12348.ticketing;

/**
 * A channel reference came back with a request other than the one it was first taken in with: a
 * replayed or reused key, never a retry. Refused without a word about the first submission's ticket.
 */
public class SubmissionConflictException extends RuntimeException {

    private final String field;

    /** {@code field}: the name the caller gave the reference (a header, a form or JSON field). */
    public SubmissionConflictException(String field) {
        super("A channel reference was presented again with a different request");
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String chineseMessage() {
        return "该提交编号已用于另一份内容不同的提交；提交新的内容请使用新的编号";
    }
}
