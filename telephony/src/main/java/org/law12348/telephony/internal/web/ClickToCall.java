package org.law12348.telephony.internal.web;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.ami.CallbackDispatcher;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.law12348.telephony.internal.ivr.ServiceHours;
import org.law12348.ticketing.StaffMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Click-to-call is a callback dialled at once: the same task, Originate and outcome on the timeline
 * (CallbackDispatcher, CallbackLegs), from the caller's own desk, and refused outside service hours
 * instead of waiting for the opening.
 */
@Component
class ClickToCall {

    private final ServiceHours hours;
    private final PhoneDesks desks;
    private final ObjectProvider<CallbackDispatcher> dispatcher;
    private final TelephonyProperties properties;
    private final Clock clock;

    ClickToCall(ServiceHours hours, PhoneDesks desks, ObjectProvider<CallbackDispatcher> dispatcher,
                TelephonyProperties properties, Clock clock) {
        this.hours = hours;
        this.desks = desks;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    void requireOpen() {
        Instant now = clock.instant();
        if (!hours.isOpen(now)) {
            throw new ServiceClosedException(hours.nextOpening(now).orElse(null), properties.hours().zone());
        }
    }

    /** The extension asked for, else the one of the member's desk interface, else the default (null). */
    String extensionOf(StaffMember staff, String asked) {
        if (asked != null && !asked.isBlank()) {
            return asked;
        }
        return desks.of(staff.username()).flatMap(d -> properties.callback().extensionOf(d.memberInterface()))
                .orElse(null);
    }

    /** Dials the due callbacks now rather than at the dispatcher's next tick (nothing without AMI). */
    void dial() {
        CallbackDispatcher d = dispatcher.getIfAvailable();
        if (d != null) {
            d.dispatchDue();
        }
    }
}
