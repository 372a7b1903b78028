package org.law12348.ticketing.clocks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Computes the last day of a legal period by the general rules of the law:
 * <ul>
 *   <li>the day of the triggering event is not counted; counting starts the next day
 *       (民法典 第二百零一条; 民事诉讼法 第八十五条第二款);</li>
 *   <li>a period in months or years ends on the corresponding day of the last month, or on that month's
 *       last day when it has no such day (民法典 第二百零二条): 31 January plus one month is 28 or 29 February;</li>
 *   <li>a last day that is a statutory holiday or rest day moves to the first working day after the
 *       holiday, make-up working days (调休) being working days (民法典 第二百零三条; 民事诉讼法 第八十五条第三款);</li>
 *   <li>an interruption starts the whole period again from its day (民法典 第一百九十五条);
 *       a suspension pauses it (民法典 第一百九十四条; 劳动争议调解仲裁法 第二十七条第三款);
 *       events after the period has run out change nothing.</li>
 * </ul>
 */
public final class PeriodComputation {

    private final HolidayCalendar calendar;

    public PeriodComputation(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    public ComputedDeadline compute(ClockRule rule, LocalDate trigger, List<ClockEvent> events) {
        List<String> warnings = new ArrayList<>();
        TreeSet<Integer> provisional = new TreeSet<>();
        LocalDate start = trigger;
        try {
            LocalDate end = lastDay(rule, start, provisional);
            for (ClockEvent event : events.stream().sorted(Comparator.comparing(ClockEvent::date)).toList()) {
                if (event.date().isAfter(end)) {
                    warnings.add(event.kind().chinese() + "发生在期间届满之后，不影响计算");
                    continue;
                }
                if (event.kind() == ClockEventKind.INTERRUPTION) {
                    start = event.date();
                    end = lastDay(rule, start, provisional);
                } else if (event.endDate() == null) {
                    warnings.add("期间自" + ClockTexts.date(event.date()) + "起中止，中止原因消除后继续计算");
                    return new ComputedDeadline(ComputedDeadline.State.SUSPENDED, start, null, null, warnings, null);
                } else {
                    end = afterSuspension(rule, end, event, provisional);
                }
            }
            LocalDate due = rule.calendarRule() == CalendarRule.NEXT_WORKING_DAY ? firstWorkingDayFrom(end, provisional) : end;
            if (!due.equals(end)) {
                warnings.add("期间最后一日" + ClockTexts.date(end) + "为法定休假日，顺延至" + ClockTexts.date(due));
            }
            provisional.forEach(year -> warnings.add(year + "年节假日安排为暂定（国务院通知未载入），截止日可能变化"));
            return new ComputedDeadline(ComputedDeadline.State.DUE, start, end, due, warnings, null);
        } catch (HolidayCalendar.YearNotLoadedException missing) {
            warnings.add(missing.year() + "年的节假日安排尚未载入，暂无法确定截止日");
            LocalDate rawEnd = rule.calendarRule() == CalendarRule.WORKING_DAYS ? null : calendarEnd(rule, start, events);
            return new ComputedDeadline(ComputedDeadline.State.CALENDAR_MISSING, start, rawEnd, null, warnings, missing.year());
        }
    }

    private LocalDate afterSuspension(ClockRule rule, LocalDate end, ClockEvent suspension, TreeSet<Integer> provisional) {
        if (rule.suspensionRule() == SuspensionRule.SIX_MONTHS_AFTER) {
            // only an obstacle within the last six months suspends; then the period ends six months after it is removed
            return suspension.endDate().isAfter(end.minusMonths(6)) ? suspension.endDate().plusMonths(6) : end;
        }
        if (rule.calendarRule() == CalendarRule.WORKING_DAYS) {
            long left = workingDaysBetween(suspension.date(), end, provisional);
            return addWorkingDays(suspension.endDate(), left, provisional);
        }
        return end.plusDays(ChronoUnit.DAYS.between(suspension.date(), suspension.endDate()));
    }

    /** The last day by the calendar, without holidays, for the message when a year is missing. */
    private static LocalDate calendarEnd(ClockRule rule, LocalDate start, List<ClockEvent> events) {
        LocalDate s = start;
        LocalDate end = plain(rule, s);
        for (ClockEvent event : events.stream().sorted(Comparator.comparing(ClockEvent::date)).toList()) {
            if (event.date().isAfter(end)) {
                continue;
            }
            if (event.kind() == ClockEventKind.INTERRUPTION) {
                end = plain(rule, event.date());
            } else if (event.endDate() == null) {
                return null;
            } else if (rule.suspensionRule() == SuspensionRule.SIX_MONTHS_AFTER) {
                end = event.endDate().isAfter(end.minusMonths(6)) ? event.endDate().plusMonths(6) : end;
            } else {
                end = end.plusDays(ChronoUnit.DAYS.between(event.date(), event.endDate()));
            }
        }
        return end;
    }

    private LocalDate lastDay(ClockRule rule, LocalDate start, TreeSet<Integer> provisional) {
        if (rule.calendarRule() == CalendarRule.WORKING_DAYS) {
            return addWorkingDays(start, rule.amount(), provisional);
        }
        return plain(rule, start);
    }

    private static LocalDate plain(ClockRule rule, LocalDate start) {
        return switch (rule.unit()) {
            case DAYS -> start.plusDays(rule.amount());
            // java.time clamps to the month's last day, exactly as 民法典 第二百零二条 asks
            case MONTHS -> start.plusMonths(rule.amount());
            case YEARS -> start.plusYears(rule.amount());
        };
    }

    private LocalDate addWorkingDays(LocalDate start, long count, TreeSet<Integer> provisional) {
        LocalDate day = start;
        long left = count;
        while (left > 0) {
            day = day.plusDays(1);
            if (working(day, provisional)) {
                left--;
            }
        }
        return day;
    }

    private long workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive, TreeSet<Integer> provisional) {
        long count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (working(d, provisional)) {
                count++;
            }
        }
        return count;
    }

    private LocalDate firstWorkingDayFrom(LocalDate day, TreeSet<Integer> provisional) {
        LocalDate d = day;
        while (!working(d, provisional)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private boolean working(LocalDate day, TreeSet<Integer> provisional) {
        if (calendar.require(day.getYear()).status() == HolidayCalendar.Status.PROVISIONAL) {
            provisional.add(day.getYear());
        }
        return calendar.isWorkingDay(day);
    }
}
