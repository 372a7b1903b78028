package org.law12348.telephony.internal.ivr;

import org.junit.jupiter.api.Test;
import org.law12348.telephony.TelephonyProperties.Hours;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceHoursTest {

    // 2026-11-30 is a Monday; Shanghai is UTC+8
    private final ServiceHours office = new ServiceHours(new Hours(null, false, null, List.of(LocalDate.of(2026, 12, 1))));

    @Test
    void isOpenInTheWeekdaySpansOnly() {
        assertThat(office.isOpen(Instant.parse("2026-11-30T00:30:00Z"))).isTrue();   // 08:30
        assertThat(office.isOpen(Instant.parse("2026-11-30T00:29:59Z"))).isFalse();
        assertThat(office.isOpen(Instant.parse("2026-11-30T04:30:00Z"))).isFalse();  // 12:30 lunch
        assertThat(office.isOpen(Instant.parse("2026-11-30T09:59:59Z"))).isTrue();   // 17:59:59
        assertThat(office.isOpen(Instant.parse("2026-11-30T10:00:00Z"))).isFalse();  // 18:00
        assertThat(office.isOpen(Instant.parse("2026-12-05T02:00:00Z"))).isFalse();  // Saturday
    }

    @Test
    void isClosedOnHolidaysAndOpensNextOnTheFollowingWorkingMorning() {
        assertThat(office.isOpen(Instant.parse("2026-12-01T02:00:00Z"))).isFalse();
        assertThat(office.nextOpening(Instant.parse("2026-11-30T12:00:00Z")))
                .contains(Instant.parse("2026-12-02T00:30:00Z"));
        assertThat(office.nextOpening(Instant.parse("2026-11-30T04:30:00Z")))
                .contains(Instant.parse("2026-11-30T06:00:00Z"));
    }

    @Test
    void isAlwaysOpenWhenConfiguredSevenByTwentyFour() {
        ServiceHours always = new ServiceHours(new Hours(null, true, null, null));
        Instant saturdayNight = Instant.parse("2026-12-05T18:00:00Z");
        assertThat(always.isOpen(saturdayNight)).isTrue();
        assertThat(always.nextOpening(saturdayNight)).contains(saturdayNight);
    }
}
