package org.law12348.telephony.internal.ivr;

import org.law12348.telephony.TelephonyProperties.Hours;
import org.law12348.telephony.TelephonyProperties.Span;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** When duty lawyers answer: a weekly schedule minus holidays, or 7x24. Pure and immutable. */
public final class ServiceHours {

    private static final int LOOKAHEAD_DAYS = 60;

    private final Hours hours;
    private final Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays;

    public ServiceHours(Hours hours) {
        this.hours = hours;
        hours.weekly().forEach((day, spec) -> weekly.put(day, Span.parse(spec)));
        this.holidays = new HashSet<>(hours.holidays());
    }

    public boolean isOpen(Instant at) {
        if (hours.alwaysOpen()) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, hours.zone());
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        for (Span span : weekly.getOrDefault(local.getDayOfWeek(), List.of())) {
            if (!local.toLocalTime().isBefore(span.from()) && local.toLocalTime().isBefore(span.to())) {
                return true;
            }
        }
        return false;
    }

    /** The given instant when open, otherwise the start of the next opening; empty if none within 60 days. */
    public Optional<Instant> nextOpening(Instant from) {
        if (isOpen(from)) {
            return Optional.of(from);
        }
        ZonedDateTime local = from.atZone(hours.zone());
        for (int d = 0; d <= LOOKAHEAD_DAYS; d++) {
            LocalDate day = local.toLocalDate().plusDays(d);
            if (holidays.contains(day)) {
                continue;
            }
            for (Span span : weekly.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant start = day.atTime(span.from()).atZone(hours.zone()).toInstant();
                if (start.isAfter(from)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }
}
