package org.law12348.ticketing;

import java.util.regex.Pattern;

/** A ticket's human-readable number, e.g. {@code GD20261128-000123}: province prefix, date, sequence. */
public record TicketNumber(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z]{2}\\d{8}-\\d{6,12}");

    public TicketNumber {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidInputException("number", "ticketNumber.malformed", "工单编号格式不正确");
        }
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORM.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
