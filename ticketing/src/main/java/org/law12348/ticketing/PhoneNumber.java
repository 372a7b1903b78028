package org.law12348.ticketing;

import org.law12348.personaldata.privacy.MaskedValue;

import java.util.regex.Pattern;

/**
 * A mainland China phone number as the citizen gave it, normalised to digits: an 11-digit mobile
 * number or a fixed line with its area code. {@link #masked()} is what logs and most staff see.
 */
public record PhoneNumber(String value) implements MaskedValue {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern FIXED_LINE = Pattern.compile("0\\d{9,11}");

    public PhoneNumber {
        String digits = value == null ? "" : value.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (!MOBILE.matcher(digits).matches() && !FIXED_LINE.matcher(digits).matches()) {
            throw new InvalidInputException("contactPhone", "phone.malformed", "请填写正确的手机号码或带区号的固定电话");
        }
        value = digits;
    }

    public boolean isMobile() {
        return MOBILE.matcher(value).matches();
    }

    /** 138****1234 for mobiles; the area code and last four digits for fixed lines. */
    @Override
    public String masked() {
        return mask(value);
    }

    /** Masks any string that may hold a phone number: keeps the first three and last four characters. */
    public static String mask(String raw) {
        if (raw == null || raw.length() < 8) {
            return raw == null ? null : "****";
        }
        return raw.substring(0, 3) + "****" + raw.substring(raw.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
