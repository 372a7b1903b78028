package org.law12348.telephony.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Click-to-call outside service hours: the line is closed, a booked callback would be dialled at the opening. */
class ServiceClosedException extends RuntimeException {

    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Instant nextOpening;
    private final ZoneId zone;

    ServiceClosedException(Instant nextOpening, ZoneId zone) {
        super("Line closed until " + nextOpening);
        this.nextOpening = nextOpening;
        this.zone = zone;
    }

    Instant nextOpening() {
        return nextOpening;
    }

    String nextOpeningText() {
        return nextOpening == null ? "下次开放服务时" : CHINESE.format(nextOpening.atZone(zone));
    }
}
