package org.law12348.ticketing.clocks;

/** How the holiday calendar bears on a period. */
public enum CalendarRule {
    /**
     * Calendar days; a last day that is a statutory holiday or rest day moves to the first working day
     * after it (民法典 第二百零三条; 民事诉讼法 第八十五条). Make-up working days (调休) count as working days.
     */
    NEXT_WORKING_DAY,
    /** Only working days are counted (a rule some regulations set); the last day is a working day by definition. */
    WORKING_DAYS
}
