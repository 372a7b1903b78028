package org.law12348.attachments;

/** No such attachment on this ticket, or not one the caller may see: both answer the same. */
public class AttachmentNotFoundException extends RuntimeException {

    public AttachmentNotFoundException(String ticketNumber, long attachmentId) {
        super("No attachment " + attachmentId + " on " + ticketNumber, null, false, false);
    }
}
