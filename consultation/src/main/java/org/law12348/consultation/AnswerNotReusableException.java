package org.law12348.consultation;

/**
 * The ticket has no answer that may be reused (e.g. as a knowledge-base article): none was given, or
 * quality review rejected it. The message says which, in Chinese.
 */
public class AnswerNotReusableException extends RuntimeException {

    private final String ticketNumber;

    public AnswerNotReusableException(String ticketNumber, String chineseReason) {
        super(chineseReason);
        this.ticketNumber = ticketNumber;
    }

    public String ticketNumber() {
        return ticketNumber;
    }
}
