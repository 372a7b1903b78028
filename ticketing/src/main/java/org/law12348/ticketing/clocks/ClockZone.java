package org.law12348.ticketing.clocks;

import java.time.ZoneId;

/** Legal periods are counted in days of China's calendar, whatever zone the server runs in. */
public final class ClockZone {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ClockZone() {
    }
}
