package org.law12348.ticketing.clocks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The Chinese sentences a clock is shown with, to citizens and staff alike. */
public final class ClockTexts {

    /** Shown under every list of clocks: the clock is general information, the lawyer gives advice. */
    public static final String DISCLAIMER = "以上期限按法律规定的一般计算规则推算，仅供参考，不构成法律意见；"
            + "是否适用、有无中断或中止等情况，请以法律服务人员的具体意见为准。";

    private ClockTexts() {
    }

    public static String date(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** "劳动仲裁申请期限：2027年3月14日截止，还剩98天", or what the state allows to be said instead. */
    public static String summary(String name, ComputedDeadline deadline, LocalDate today) {
        return name + "：" + switch (deadline.state()) {
            case DUE -> dueText(deadline.dueDate(), today);
            case SUSPENDED -> "期间中止中，暂停计算";
            case CALENDAR_MISSING -> (deadline.periodEnd() == null ? "截止日暂无法确定"
                    : "按日历推算为" + date(deadline.periodEnd()) + "，如遇节假日顺延")
                    + "（" + deadline.missingYear() + "年节假日安排尚未载入）";
        };
    }

    private static String dueText(LocalDate due, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, due);
        if (left > 0) {
            return date(due) + "截止，还剩" + left + "天";
        }
        if (left == 0) {
            return date(due) + "截止，今天是最后一天";
        }
        return "已于" + date(due) + "届满";
    }
}
