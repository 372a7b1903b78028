package org.law12348.telephony.internal.web;

/** No call with this id was recorded. */
class CallNotFoundException extends RuntimeException {

    CallNotFoundException(String callId) {
        super("No call " + callId);
    }
}
