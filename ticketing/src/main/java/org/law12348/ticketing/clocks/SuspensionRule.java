package org.law12348.ticketing.clocks;

/** What a suspension (中止) does to a period once its cause is removed. */
public enum SuspensionRule {
    /** The rest of the period continues from the day the cause is removed (劳动争议调解仲裁法 第二十七条第三款). */
    RESUME,
    /** The period ends six months after the cause is removed (民法典 第一百九十四条). */
    SIX_MONTHS_AFTER
}
