package org.law12348.telephony.internal.ivr;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.clocks.ClockReading;
import org.law12348.ticketing.clocks.ComputedDeadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the hotline says of a caller's own ticket, as prompt groups (a short pause between groups):
 * its status, then each legal clock as {@code ClockTexts} words it for the web — "劳动仲裁申请期限 ·
 * 二零二七年三月十五日截止，还剩九十八天", "…截止，今天是最后一天", "…截止，已过期", "期间中止中", or the
 * calendar's end when a year's holidays are not loaded; a due date the web shows with a note (a
 * provisional holiday calendar, a move past a holiday) is followed by {@code clock-see-notes} — then
 * the disclaimer. A clock type or status
 * without a prompt of its own is said generically ({@code clock-generic}: 法律期限), never skipped.
 */
final class ClockReadOut {

    private ClockReadOut() {
    }

    static List<List<String>> groups(TicketStatus status, List<ClockReading> clocks, LocalDate today,
                                     Predicate<String> hasPrompt) {
        List<List<String>> groups = new ArrayList<>();
        String statusPrompt = "lookup-status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (hasPrompt.test(statusPrompt)) {
            groups.add(List.of(statusPrompt));
        }
        if (clocks.isEmpty()) {
            groups.add(List.of("lookup-no-clocks"));
            return groups;
        }
        for (ClockReading clock : clocks) {
            groups.add(List.of(name(clock, hasPrompt)));
            groups.add(deadline(clock, today));
        }
        groups.add(List.of("clock-disclaimer"));
        return groups;
    }

    private static String name(ClockReading clock, Predicate<String> hasPrompt) {
        if (clock.rule() == null) {
            return "clock-generic";
        }
        String prompt = TelephonyProperties.clockPrompt(clock.rule().type());
        return hasPrompt.test(prompt) ? prompt : "clock-generic";
    }

    private static List<String> deadline(ClockReading clock, LocalDate today) {
        ComputedDeadline deadline = clock.deadline();
        if (deadline == null) {
            return List.of("clock-unknown-type");
        }
        List<String> prompts = new ArrayList<>();
        switch (deadline.state()) {
            case DUE -> {
                prompts.addAll(MandarinNumbers.date(deadline.dueDate()));
                long left = ChronoUnit.DAYS.between(today, deadline.dueDate());
                if (left > 0) {
                    prompts.add("clock-due");
                    prompts.addAll(MandarinNumbers.quantity(left));
                    prompts.add("date-days");
                } else {
                    prompts.add(left == 0 ? "clock-due-today" : "clock-expired");
                }
                if (!deadline.warnings().isEmpty()) {
                    // what the web shows beside the date (a provisional holiday calendar, a move past a holiday)
                    prompts.add("clock-see-notes");
                }
            }
            case SUSPENDED -> prompts.add("clock-suspended");
            case CALENDAR_MISSING -> {
                if (deadline.periodEnd() == null) {
                    prompts.add("clock-due-unknown");
                } else {
                    prompts.add("clock-calendar-end");
                    prompts.addAll(MandarinNumbers.date(deadline.periodEnd()));
                    prompts.add("clock-calendar-missing");
                }
            }
        }
        return prompts;
    }
}
