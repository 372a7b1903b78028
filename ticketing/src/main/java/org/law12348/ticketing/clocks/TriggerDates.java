package org.law12348.ticketing.clocks;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates a citizen typed in a question ("2026年3月5日被辞退", "3月5号", "去年12月底", "上个月", "三天前"),
 * resolved against the day the ticket was created in China. Only days on or before that day count: a
 * trigger has happened. A month without a day ("去年12月") is the month's first day (the earliest, so a
 * suggested deadline is never later than the real one), marked {@link Precision#MONTH} for staff to confirm.
 */
public final class TriggerDates {

    /** How exactly the text gives the day. */
    public enum Precision {
        DAY,
        /** Only the month (or a part of it, or "three months ago") is known. */
        MONTH
    }

    /** A date found, with the words it came from. */
    public record Found(LocalDate date, Precision precision, String phrase) {
    }

    private static final String N = "[0-9零〇一二两三四五六七八九十]";
    private static final Pattern DATES = Pattern.compile(
            "(?<iso>(?<iy>\\d{4})[-/.](?<im>\\d{1,2})[-/.](?<id>\\d{1,2}))"
                    + "|(?:(?<year>" + N + "{4}|\\d{2})年|(?<ryear>今年|去年|前年|明年))?"
                    + "(?<month>" + N + "{1,3}|上个?|这个?|本)月份?"
                    + "(?:(?<day>" + N + "{1,3})[日号]|(?<part>初|上旬|中旬|下旬|中|底|末))?"
                    + "|(?<rday>今天|昨天|前天)"
                    + "|(?<ago>" + N + "{1,3})(?<agounit>天|个月|周|个星期|个礼拜)前");

    private TriggerDates() {
    }

    /** The dates in {@code text}, in the order they first appear, each once. */
    public static List<Found> in(String text, LocalDate created) {
        Map<LocalDate, Found> found = new LinkedHashMap<>();
        if (text == null) {
            return List.of();
        }
        Matcher m = DATES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
        while (m.find()) {
            Found date = resolve(m, created);
            if (date != null && !date.date().isAfter(created)) {
                found.putIfAbsent(date.date(), date);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static Found resolve(Matcher m, LocalDate created) {
        String phrase = m.group();
        if (m.group("iso") != null) {
            return day(number(m.group("iy")), number(m.group("im")), number(m.group("id")), phrase);
        }
        if (m.group("rday") != null) {
            int back = switch (m.group("rday")) {
                case "昨天" -> 1;
                case "前天" -> 2;
                default -> 0;
            };
            return new Found(created.minusDays(back), Precision.DAY, phrase);
        }
        if (m.group("ago") != null) {
            int n = number(m.group("ago"));
            return switch (m.group("agounit")) {
                case "天" -> n < 0 ? null : new Found(created.minusDays(n), Precision.DAY, phrase);
                case "个月" -> n < 0 ? null : new Found(created.minusMonths(n), Precision.MONTH, phrase);
                default -> n < 0 ? null : new Found(created.minusWeeks(n), Precision.DAY, phrase);
            };
        }
        return monthDay(m, created, phrase);
    }

    private static Found monthDay(Matcher m, LocalDate created, String phrase) {
        String monthText = m.group("month");
        YearMonth month;
        if (monthText.startsWith("上")) {
            month = YearMonth.from(created).minusMonths(1);
        } else if (monthText.startsWith("这") || monthText.equals("本")) {
            month = YearMonth.from(created);
        } else {
            int number = number(monthText);
            if (number < 1 || number > 12) {
                return null;
            }
            Integer year = year(m, created);
            YearMonth candidate = YearMonth.of(year == null ? created.getYear() : year, number);
            // "3月5日" with no year is the last such day up to the ticket's day
            month = year == null && candidate.isAfter(YearMonth.from(created)) ? candidate.minusYears(1) : candidate;
        }
        boolean yearGiven = m.group("year") != null || m.group("ryear") != null || !Character.isDigit(monthText.charAt(0))
                && !monthText.matches(N + "+");
        if (m.group("day") != null) {
            Found day = day(month.getYear(), month.getMonthValue(), number(m.group("day")), phrase);
            // "3月5日" written on 3 March is last year's 5 March
            if (day != null && !yearGiven && day.date().isAfter(created)) {
                return day(month.getYear() - 1, month.getMonthValue(), day.date().getDayOfMonth(), phrase);
            }
            return day;
        }
        String part = m.group("part");
        int dayOfMonth = part == null ? 1 : switch (part) {
            case "中", "中旬" -> 11;
            case "下旬" -> 21;
            case "底", "末" -> month.lengthOfMonth();
            default -> 1;
        };
        return new Found(month.atDay(dayOfMonth), Precision.MONTH, phrase);
    }

    private static Integer year(Matcher m, LocalDate created) {
        if (m.group("year") != null) {
            String text = m.group("year");
            int value = text.length() == 2 ? 2000 + number(text) : digits(text);
            return value < 1900 ? null : value;
        }
        if (m.group("ryear") != null) {
            return created.getYear() - switch (m.group("ryear")) {
                case "去年" -> 1;
                case "前年" -> 2;
                case "明年" -> -1;
                default -> 0;
            };
        }
        return null;
    }

    private static Found day(int year, int month, int day, String phrase) {
        if (year < 1900 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return new Found(LocalDate.of(year, month, day), Precision.DAY, phrase);
    }

    /** A four-figure year written digit by digit: 2026, 二〇二六, 二零二六. */
    private static int digits(String text) {
        int value = 0;
        for (char c : text.toCharArray()) {
            int digit = digit(c);
            if (digit < 0) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** 5, 12, 五, 十二, 二十, 二十五, 三十一; -1 when it is none of these. */
    static int number(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text);
        }
        int ten = text.indexOf('十');
        if (ten < 0) {
            return text.length() == 1 ? digit(text.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : digit(text.charAt(0));
        int ones = ten == text.length() - 1 ? 0 : digit(text.charAt(ten + 1));
        if (tens < 0 || ones < 0 || ten > 1 || text.length() > ten + 2) {
            return -1;
        }
        return tens * 10 + ones;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return "零一二三四五六七八九".indexOf(c) >= 0 ? "零一二三四五六七八九".indexOf(c) : c == '〇' ? 0 : c == '两' ? 2 : -1;
    }
}
