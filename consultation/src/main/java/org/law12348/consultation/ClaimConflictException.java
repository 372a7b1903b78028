package org.law12348.consultation;

/** Another consultant holds the question: this one cannot claim or answer it. Answered 409. */
public class ClaimConflictException extends RuntimeException {

    public ClaimConflictException(String ticketNumber) {
        super("该问题已被其他咨询师认领（" + ticketNumber + "）");
    }
}
