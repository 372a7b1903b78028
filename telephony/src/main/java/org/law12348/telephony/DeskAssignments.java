package org.law12348.telephony;

import java.util.List;

/** Who answers the hotline at which phone: the port other modules (demo data, set-up) give desks through. */
public interface DeskAssignments {

    /**
     * Gives {@code username} the desk {@code memberInterface} (e.g. {@code PJSIP/1001}) on the named
     * queues, unless they have one already; the desk starts off the queues. Returns whether it was given.
     */
    boolean assignIfAbsent(String username, String memberInterface, List<String> queues);
}
