package org.law12348.ticketing.clocks;

import java.util.List;

/**
 * One row of the clock-type table: how long a kind of legal period is, how it is counted, where the
 * law says so, and how many days before the end the citizen is reminded.
 *
 * @param type          stable code, e.g. {@code LABOUR_ARBITRATION}
 * @param name          the Chinese name shown to people, e.g. 劳动仲裁申请期限
 * @param statute       the article the period comes from, e.g. 劳动争议调解仲裁法 第二十七条
 * @param reminderDays  days before the last day at which reminders go out, largest first
 * @param ruleId        the id of the table row that answered, for the record
 * @param suggestedFor  what on a ticket suggests this clock to staff: {@code category:LABOR} (the question's
 *                      legal category), {@code business:LEGAL_AID} (its business type), {@code word:判决} (a word
 *                      in its text); empty when the clock is never suggested
 * @param citizenQuestion what the citizen app's ask form asks the citizen when this clock is suggested for
 *                      their question ("您是哪天被辞退（或知道权益受损）的？"): the day answered is the trigger date;
 *                      null when the form asks nothing for it
 */
public record ClockRule(String type, String name, int amount, PeriodUnit unit, CalendarRule calendarRule,
                        SuspensionRule suspensionRule, String statute, List<Integer> reminderDays, String ruleId,
                        List<String> suggestedFor, String citizenQuestion) {

    public ClockRule(String type, String name, int amount, PeriodUnit unit, CalendarRule calendarRule,
                     SuspensionRule suspensionRule, String statute, List<Integer> reminderDays, String ruleId) {
        this(type, name, amount, unit, calendarRule, suspensionRule, statute, reminderDays, ruleId, List.of(), null);
    }

    public ClockRule(String type, String name, int amount, PeriodUnit unit, CalendarRule calendarRule,
                     SuspensionRule suspensionRule, String statute, List<Integer> reminderDays, String ruleId,
                     List<String> suggestedFor) {
        this(type, name, amount, unit, calendarRule, suspensionRule, statute, reminderDays, ruleId, suggestedFor, null);
    }

    public ClockRule {
        suggestedFor = List.copyOf(suggestedFor);
        citizenQuestion = citizenQuestion == null || citizenQuestion.isBlank() ? null : citizenQuestion.strip();
        if (suggestedFor.stream().anyMatch(s -> !s.matches("(category|business|word):\\S+"))) {
            throw new IllegalArgumentException("A suggestion is category:…, business:… or word:…, got " + suggestedFor);
        }
        if (type == null || type.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("A clock rule needs a type and a name");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("A clock rule needs a positive period, got " + amount);
        }
        if (unit == null || calendarRule == null || suspensionRule == null) {
            throw new IllegalArgumentException("A clock rule needs a unit, a calendar rule and a suspension rule");
        }
        if (calendarRule == CalendarRule.WORKING_DAYS && unit != PeriodUnit.DAYS) {
            throw new IllegalArgumentException("Only a period in days can count working days");
        }
        reminderDays = reminderDays.stream().sorted((a, b) -> b - a).toList();
        if (reminderDays.stream().anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("Reminder offsets cannot be negative: " + reminderDays);
        }
    }

    /** The period as people say it: 1年, 15日, 6个月. */
    public String periodText() {
        return amount + unit.chinese();
    }
}
