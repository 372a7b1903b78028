package org.law12348.ticketing.clocks;

/** How a statutory period is counted (民法典 第二百零一条、第二百零二条). */
public enum PeriodUnit {
    DAYS("日"),
    MONTHS("个月"),
    YEARS("年");

    private final String chinese;

    PeriodUnit(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
