package org.law12348.telephony.internal.web;

/** The member has no phone desk. */
class DeskNotFoundException extends RuntimeException {

    DeskNotFoundException(String username) {
        super("No desk for " + username);
    }
}
