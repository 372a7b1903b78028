package org.law12348.ticketing;

import java.util.regex.Pattern;

/**
 * A six-digit GB/T 2260 division code: province {@code 440000}, city {@code 440100} or county
 * {@code 440106}. The constructor checks the form only; {@link Regions} knows which codes exist.
 */
public record RegionCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("[1-9]\\d{5}");

    public RegionCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw new InvalidInputException("regionCode", "region.malformed", "行政区划代码应为6位数字，如 440106");
        }
    }

    public String provinceCode() {
        return value.substring(0, 2);
    }

    public String cityCode() {
        return value.substring(0, 4);
    }

    public boolean isProvince() {
        return value.endsWith("0000");
    }

    public boolean isCity() {
        return !isProvince() && value.endsWith("00");
    }

    /** The code of the province this division belongs to, e.g. 440000 for 440106. */
    public RegionCode province() {
        return new RegionCode(provinceCode() + "0000");
    }

    /** The code of the city this division belongs to, e.g. 440100 for 440106; a province is its own. */
    public RegionCode city() {
        return isProvince() ? this : new RegionCode(cityCode() + "00");
    }

    @Override
    public String toString() {
        return value;
    }
}
