package org.law12348.ticketing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A resident identity card number (居民身份证号, GB 11643-1999): 17 digits (region, birth date,
 * sequence) and a check character computed from them, {@code X} standing for 10. Held upper-case,
 * so the same card always gives the same lookup hash. {@link #masked()} is all staff and logs see.
 */
public record CitizenIdNumber(String value) {

    public static final String FIELD = "contactIdNumber";
    private static final Pattern SHAPE = Pattern.compile("[1-9]\\d{16}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    public CitizenIdNumber {
        String v = value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!SHAPE.matcher(v).matches() || v.charAt(17) != checkCharacter(v) || !hasBirthDate(v)) {
            throw new InvalidInputException(FIELD, "idNumber.malformed", "请填写正确的18位居民身份证号码");
        }
        value = v;
    }

    /** The GB 11643 check character of the first 17 digits. */
    static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static boolean hasBirthDate(String v) {
        try {
            LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** 110***********1234: the first three and last four characters. */
    public String masked() {
        return mask(value);
    }

    /** Masks any string that may hold an identity number, keeping its first three and last four characters. */
    public static String mask(String raw) {
        if (raw == null || raw.length() < 8) {
            return raw == null ? null : "****";
        }
        return raw.substring(0, 3) + "*".repeat(raw.length() - 7) + raw.substring(raw.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
