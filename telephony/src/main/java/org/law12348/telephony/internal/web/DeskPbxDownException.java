package org.law12348.telephony.internal.web;

/** A desk in the queues cannot be cleared while the PBX cannot be told to drop its memberships. */
class DeskPbxDownException extends RuntimeException {

    DeskPbxDownException() {
        super("The PBX is not connected; the desk stays in its queues");
    }
}
