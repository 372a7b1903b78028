package org.law12348.telephony.internal.web;

/** The member has no phone desk: their own ({@code own}), or the one an administrator named. */
class DeskNotFoundException extends RuntimeException {

    final boolean own;

    DeskNotFoundException(String username) {
        this(username, true);
    }

    DeskNotFoundException(String username, boolean own) {
        super("No desk for " + username);
        this.own = own;
    }
}
