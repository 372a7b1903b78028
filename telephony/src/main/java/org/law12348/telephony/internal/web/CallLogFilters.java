package org.law12348.telephony.internal.web;

import org.law12348.personaldata.privacy.LogMasking;
import org.law12348.telephony.CallOutcome;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.RegionCode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Checks the call log's query parameters one by one, so that a bad one is refused with a problem
 * naming it (Spring's own conversion would answer a generic type mismatch, or a 500 for a blank date).
 */
final class CallLogFilters {

    static final int MAX_LIMIT = 200;
    static final Duration MAX_SPAN = Duration.ofDays(366);
    private static final Duration DEFAULT_SPAN = Duration.ofDays(7);
    /** Queue names and agents as Asterisk spells them (queues.conf sections, member names or interfaces). */
    private static final String NAME = "[\\p{L}\\p{N} ._@/;:-]{1,128}";

    record Parsed(Instant from, Instant to, String phone, Set<CallOutcome> outcomes, String queue,
                  String regionPrefix, String agent, Boolean hasRecording, int page, int limit) {
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private CallLogFilters() {
    }

    /**
     * The filters in the words the audit page shows, for the audit entry of the call-log read: names,
     * not codes, times in {@code zone}, the searched number masked.
     */
    static String describe(Parsed f, String regionName, Function<String, String> queueName, ZoneId zone) {
        StringJoiner parts = new StringJoiner("，");
        parts.add(SHOWN.format(f.from().atZone(zone)) + " 至 " + SHOWN.format(f.to().atZone(zone)));
        if (f.phone() != null) {
            parts.add("号码 " + LogMasking.mask(f.phone()));
        }
        if (regionName != null) {
            parts.add("地区 " + regionName);
        }
        if (f.queue() != null) {
            parts.add("队列 " + queueName.apply(f.queue()));
        }
        if (f.agent() != null) {
            parts.add("坐席 " + f.agent());
        }
        if (f.outcomes() != null && !f.outcomes().isEmpty()) {
            parts.add("结果 " + String.join("、", f.outcomes().stream().map(CallOutcome::chineseName).toList()));
        }
        if (f.hasRecording() != null) {
            parts.add(f.hasRecording() ? "有录音" : "无录音");
        }
        return parts + "，第 " + (f.page() + 1) + " 页";
    }

    static Parsed parse(String from, String to, String phone, String outcome, String queue, String region,
                        String agent, String hasRecording, String page, String limit, Instant now) {
        Instant until = blank(to) ? now.plusSeconds(1) : instant("to", to);
        Instant since = blank(from) ? until.minus(DEFAULT_SPAN) : instant("from", from);
        if (!since.isBefore(until)) {
            throw new InvalidInputException("to", "to.beforeFrom", "结束时间应晚于开始时间");
        }
        if (Duration.between(since, until).compareTo(MAX_SPAN) > 0) {
            throw new InvalidInputException("from", "from.spanTooLong", "查询时间跨度不能超过366天");
        }
        return new Parsed(since, until, blank(phone) ? null : phoneNumber(phone), outcomes(outcome),
                name("queue", queue), regionPrefix(region), name("agent", agent), bool("hasRecording", hasRecording),
                number("page", page, 0, 100_000), number("limit", limit, 1, MAX_LIMIT));
    }

    static String phoneNumber(String raw) {
        try {
            return new PhoneNumber(raw).value();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("phone", "phone.malformed", "请填写正确的手机号码或带区号的固定电话");
        }
    }

    private static Instant instant(String field, String raw) {
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + ".malformed", "时间格式应为 ISO-8601，如 2026-12-07T00:00:00Z");
        }
    }

    private static Set<CallOutcome> outcomes(String raw) {
        if (blank(raw)) {
            return null;
        }
        Set<CallOutcome> all = EnumSet.noneOf(CallOutcome.class);
        for (String one : raw.split(",")) {
            try {
                all.add(CallOutcome.valueOf(one.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("outcome", "outcome.unknown", "不支持的通话结果：" + one.strip());
            }
        }
        return all;
    }

    /** A province filters on its first two digits, a city on four, a county on all six. */
    private static String regionPrefix(String raw) {
        if (blank(raw)) {
            return null;
        }
        RegionCode code;
        try {
            code = new RegionCode(raw.strip());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("region", "region.malformed", "行政区划代码应为6位数字，如 440106");
        }
        return code.isProvince() ? code.provinceCode() : code.isCity() ? code.cityCode() : code.value();
    }

    private static String name(String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        if (!raw.strip().matches(NAME)) {
            throw new InvalidInputException(field, field + ".malformed", "名称含有不允许的字符或过长");
        }
        return raw.strip();
    }

    private static Boolean bool(String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(field, field + ".malformed", "取值应为 true 或 false");
        };
    }

    private static int number(String field, String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below with the range
        }
        throw new InvalidInputException(field, field + ".outOfRange", field.equals("limit")
                ? "每页条数应在" + min + "到" + max + "之间" : "页码应在" + min + "到" + max + "之间");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
