package org.law12348.ticketing.clocks;

/** What happened to a running period. */
public enum ClockEventKind {
    /** 中断: the whole period starts again from this day (民法典 第一百九十五条; 劳动争议调解仲裁法 第二十七条第二款). */
    INTERRUPTION("中断"),
    /** 中止: the period pauses from this day until the cause is removed (民法典 第一百九十四条). */
    SUSPENSION("中止");

    private final String chinese;

    ClockEventKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
