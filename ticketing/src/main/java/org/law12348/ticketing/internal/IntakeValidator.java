package org.law12348.ticketing.internal;

import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.CitizenContact;
import org.law12348.ticketing.CitizenIdNumber;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.InvalidInputException.Violation;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.TextRules;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.TicketKind;
import org.law12348.ticketing.TicketingProperties;
import org.law12348.ticketing.clocks.ClockTexts;
import org.law12348.ticketing.clocks.ClockZone;
import org.law12348.ticketing.clocks.LegalClockService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Checks every field of an intake record and collects all violations before anything is written. */
public final class IntakeValidator {

    /**
     * An intake record that passed every check, with its values parsed.
     *
     * @param triggerDate the citizen's trigger date of a legal clock, or null
     */
    public record ValidIntake(IntakeRequest request, TicketKind kind, BusinessType businessType, RegionCode region,
                              String subject, String text, CitizenContact contact, LocalDate triggerDate) {
    }

    private static final int MAX_NAME = 32;
    private static final int MAX_REF = 128;
    private static final int MIN_TEXT = 5;

    private final Regions regions;
    private final TicketingProperties properties;
    private final Clock clock;

    public IntakeValidator(Regions regions, TicketingProperties properties, Clock clock) {
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
    }

    public ValidIntake validate(IntakeRequest r) {
        List<Violation> violations = new ArrayList<>();
        if (r.channel() == null) {
            violations.add(new Violation("channel", "field.required", "缺少渠道"));
        }
        String ref = trimmed(r.channelRef());
        if (ref == null) {
            violations.add(new Violation("channelRef", "field.required", "缺少渠道消息编号"));
        } else if (ref.length() > MAX_REF || TextRules.hasControlCharacters(ref, false)) {
            violations.add(new Violation("channelRef", "field.invalid", "渠道消息编号过长或含有非法字符"));
        }
        BusinessType type = parseBusinessType(r.businessType(), violations);
        RegionCode region = parseRegion(r.regionCode(), violations);
        TicketKind kind = parseKind(r.kind(), type, violations);
        String text = checkText("text", r.text(), MIN_TEXT, properties.maxTextLength(), true, violations);
        String subject = trimmed(r.subject());
        if (subject != null) {
            subject = checkText("subject", subject, 1, properties.maxSubjectLength(), false, violations);
        } else if (text != null) {
            subject = TextRules.subjectFrom(text, Math.min(30, properties.maxSubjectLength()));
        }
        String name = trimmed(r.contactName());
        if (name != null) {
            name = checkText("contactName", name, 1, MAX_NAME, false, violations);
        }
        PhoneNumber phone = null;
        if (trimmed(r.contactPhone()) != null) {
            try {
                phone = new PhoneNumber(r.contactPhone());
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            }
        }
        CitizenIdNumber idNumber = null;
        if (trimmed(r.contactIdNumber()) != null) {
            try {
                idNumber = new CitizenIdNumber(r.contactIdNumber());
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            }
        }
        LocalDate triggerDate = parseTriggerDate(r.triggerDate(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ValidIntake(r, kind, type, region, subject, text, new CitizenContact(name, phone, idNumber,
                trimmed(r.wechatOpenId()), trimmed(r.alipayUserId())), triggerDate);
    }

    /**
     * The citizen's optional trigger date: a day (yyyy-MM-dd) up to today in China and not older than any
     * clock's trigger may be ({@link LegalClockService#OLDEST_TRIGGER_YEARS}).
     */
    private LocalDate parseTriggerDate(String raw, List<Violation> violations) {
        String value = trimmed(raw);
        if (value == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation("triggerDate", "date.invalid", "日期无法识别，请重新选择日期（格式如 2026-03-05）"));
            return null;
        }
        LocalDate today = LocalDate.now(clock.withZone(ClockZone.CHINA));
        if (day.isAfter(today)) {
            violations.add(new Violation("triggerDate", "date.future", "日期不能晚于今天"));
            return null;
        }
        LocalDate earliest = today.minusYears(LegalClockService.OLDEST_TRIGGER_YEARS);
        if (day.isBefore(earliest)) {
            violations.add(new Violation("triggerDate", "date.tooEarly", "日期不能早于" + ClockTexts.date(earliest)));
            return null;
        }
        return day;
    }

    private BusinessType parseBusinessType(String raw, List<Violation> violations) {
        String value = trimmed(raw);
        if (value == null) {
            violations.add(new Violation("businessType", "field.required", "请选择业务类型"));
            return null;
        }
        try {
            return BusinessType.valueOf(value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("businessType", "businessType.unknown", "不支持的业务类型：" + TextRules.clip(value)));
            return null;
        }
    }

    private RegionCode parseRegion(String raw, List<Violation> violations) {
        String value = trimmed(raw);
        if (value == null) {
            violations.add(new Violation("regionCode", "field.required", "请选择所在地区"));
            return null;
        }
        try {
            return regions.require(value, "regionCode");
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    private TicketKind parseKind(String raw, BusinessType type, List<Violation> violations) {
        String value = trimmed(raw);
        if (value == null) {
            return type == BusinessType.LEGAL_CONSULTATION ? TicketKind.CONSULTATION : TicketKind.SERVICE_REQUEST;
        }
        try {
            return TicketKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("kind", "kind.unknown", "工单类型只能是 CONSULTATION 或 SERVICE_REQUEST"));
            return null;
        }
    }

    private static String checkText(String field, String raw, int min, int max, boolean multiline,
                                    List<Violation> violations) {
        String value = trimmed(raw);
        if (value == null) {
            violations.add(new Violation(field, "field.required", "内容不能为空"));
            return null;
        }
        if (TextRules.hasControlCharacters(value, multiline)) {
            violations.add(new Violation(field, "field.controlCharacters", "内容含有不可见的控制字符"));
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            violations.add(new Violation(field, "field.tooLong", "内容不能超过" + max + "个字"));
            return null;
        }
        if (length < min) {
            violations.add(new Violation(field, "field.tooShort", "内容至少需要" + min + "个字"));
            return null;
        }
        return value;
    }

    private static String trimmed(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        return t.isEmpty() ? null : t;
    }
}
