package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.law12348.ticketing.clocks.ClockReading;
import org.law12348.ticketing.clocks.ClockTexts;
import org.law12348.ticketing.clocks.ComputedDeadline;
import org.law12348.ticketing.clocks.LegalClock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** How legal clocks look in JSON, to staff and (without who recorded what) to citizens. */
public final class ClockViews {

    private ClockViews() {
    }

    @Schema(description = "工单的法律期限，以及“仅供参考、不构成法律意见”的提示")
    public record ClockList(List<ClockView> clocks, String disclaimer) {
    }

    @Schema(description = "一个法律期限：类型、起算日、按法定规则推算的截止日")
    public record ClockView(
            long id,
            @Schema(description = "期限类型编码", example = "LABOUR_ARBITRATION") String type,
            @Schema(example = "劳动仲裁申请期限") String name,
            @Schema(description = "期间", example = "1年") String period,
            @Schema(example = "中华人民共和国劳动争议调解仲裁法 第二十七条") String statute,
            @Schema(description = "起算事件发生之日（次日开始计算）") LocalDate triggerDate,
            @Schema(description = "DUE（截止日已知）、SUSPENDED（中止中）、CALENDAR_MISSING（所需年份节假日安排未载入）、"
                    + "UNKNOWN_TYPE（期限类型已从规则表中删除）") String state,
            @Schema(description = "截止日（最后一日，已按节假日顺延）；未知时为空") LocalDate dueDate,
            @Schema(description = "距截止日的天数（今天截止为0，已届满为负）；未知时为空") Long daysLeft,
            @Schema(example = "劳动仲裁申请期限：2027年3月15日截止，还剩98天") String summary,
            @Schema(description = "须与截止日一同展示的说明（顺延、暂定的节假日安排等）") List<String> warnings,
            @Schema(description = "截止前多少天提醒") List<Integer> reminderDays,
            List<EventView> events) {
    }

    @Schema(description = "时效中断、中止或中止原因消除；recordedBy 仅工作人员可见")
    public record EventView(long id, String kind, String kindName, LocalDate date, String recordedBy) {
    }

    public static ClockList forStaff(List<ClockReading> readings, LocalDate today) {
        return new ClockList(readings.stream().map(r -> view(r, today, true)).toList(), ClockTexts.DISCLAIMER);
    }

    public static ClockList forCitizen(List<ClockReading> readings, LocalDate today) {
        return new ClockList(readings.stream().map(r -> view(r, today, false)).toList(), ClockTexts.DISCLAIMER);
    }

    public static ClockView view(ClockReading reading, LocalDate today, boolean staff) {
        LegalClock clock = reading.clock();
        List<EventView> events = clock.events().stream().map(e -> new EventView(e.id(), e.kind().name(),
                e.kind().chinese(), e.date(), staff ? e.recordedBy() : null)).toList();
        if (reading.rule() == null) {
            return new ClockView(clock.id(), clock.type(), clock.type(), null, null, clock.triggerDate(), "UNKNOWN_TYPE",
                    null, null, clock.type() + "：期限类型已不在规则表中，请工作人员核实", List.of(), List.of(), events);
        }
        ComputedDeadline deadline = reading.deadline();
        LocalDate due = deadline.dueDate();
        return new ClockView(clock.id(), clock.type(), reading.rule().name(), reading.rule().periodText(),
                reading.rule().statute(), clock.triggerDate(), deadline.state().name(), due,
                due == null ? null : ChronoUnit.DAYS.between(today, due),
                ClockTexts.summary(reading.rule().name(), deadline, today), deadline.warnings(),
                reading.rule().reminderDays(), events);
    }
}
