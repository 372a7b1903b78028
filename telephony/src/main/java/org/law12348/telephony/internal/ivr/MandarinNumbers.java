package org.law12348.telephony.internal.ivr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers and dates as Mandarin speaks them, in the product's own prompts: 98 → 九十八
 * ({@code digit-9 number-10 digit-8}), 105 → 一百零五, 2027年3月15日 → 二零二七年三月十五日. A
 * quantity says 一 ({@code number-1}), not the 幺 of {@code digit-1}, which is for reading digits out
 * on the phone. 二 stays 二 before 百 and 千 (two is 二百, not 两百): plain, and still correct.
 */
final class MandarinNumbers {

    private static final String[] UNITS = {"", "number-10", "number-100", "number-1000"};
    private static final int[] POWERS = {1, 10, 100, 1000};
    private static final long LIMIT = 100_000_000L;

    private MandarinNumbers() {
    }

    /** A count, 0 to 99,999,999: 0 → 零, 10 → 十, 11 → 十一, 1005 → 一千零五, 10010 → 一万零一十. */
    static List<String> quantity(long n) {
        if (n < 0 || n >= LIMIT) {
            throw new IllegalArgumentException("Cannot read " + n + " as a Mandarin quantity");
        }
        if (n == 0) {
            return List.of("digit-0");
        }
        List<String> prompts = new ArrayList<>();
        long high = n / 10_000;
        long low = n % 10_000;
        if (high > 0) {
            section((int) high, true, prompts);
            prompts.add("number-10000");
            if (low > 0 && low < 1000) {
                prompts.add("digit-0");
            }
        }
        if (low > 0) {
            section((int) low, high == 0, prompts);
        }
        return prompts;
    }

    /**
     * 1 to 9999 with its units, a 零 for each run of zeros between digits; the 一 of 一十 is dropped at
     * the very start of the number (十五, but 一百一十五).
     */
    private static void section(int n, boolean first, List<String> prompts) {
        boolean zeros = false;
        boolean started = false;
        for (int place = 3; place >= 0; place--) {
            int digit = n / POWERS[place] % 10;
            if (digit == 0) {
                zeros = started;
                continue;
            }
            if (zeros) {
                prompts.add("digit-0");
                zeros = false;
            }
            if (!(digit == 1 && place == 1 && first && !started)) {
                prompts.add(digitOf(digit));
            }
            if (place > 0) {
                prompts.add(UNITS[place]);
            }
            started = true;
        }
    }

    /** A year digit by digit, as dates are said: 2027 → 二零二七. */
    static List<String> year(int year) {
        return String.valueOf(year).chars().mapToObj(c -> digitOf(c - '0')).toList();
    }

    /** 2027年3月15日 as {@code 二零二七 年 三 月 十五 日}. */
    static List<String> date(LocalDate day) {
        List<String> prompts = new ArrayList<>(year(day.getYear()));
        prompts.add("date-year");
        prompts.addAll(quantity(day.getMonthValue()));
        prompts.add("date-month");
        prompts.addAll(quantity(day.getDayOfMonth()));
        prompts.add("date-day");
        return prompts;
    }

    private static String digitOf(int digit) {
        return digit == 1 ? "number-1" : "digit-" + digit;
    }
}
