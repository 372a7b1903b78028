package org.law12348.ticketing.replies;

/** No canned reply has this id (or it was deleted meanwhile). */
public class CannedReplyNotFoundException extends RuntimeException {

    public CannedReplyNotFoundException(String id) {
        super("No canned reply " + id);
    }
}
