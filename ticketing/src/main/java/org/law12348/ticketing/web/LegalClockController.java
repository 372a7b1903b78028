package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.clocks.ClockReading;
import org.law12348.ticketing.clocks.ClockRules;
import org.law12348.ticketing.clocks.ClockSuggestions;
import org.law12348.ticketing.clocks.LegalClockService;
import org.law12348.ticketing.internal.TrackingTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** Legal clocks on a ticket: staff add, edit and list them; the citizen reads those of their own ticket. */
@RestController
@Tag(name = "legal-clocks", description = "法律期限（市民自身的法定期间：仲裁时效、上诉期等）")
class LegalClockController {

    @Schema(description = "期限类型和起算日（知道或应当知道权利受侵害、送达等事件发生之日，yyyy-MM-dd）")
    record ClockBody(@Schema(example = "LABOUR_ARBITRATION", requiredMode = Schema.RequiredMode.REQUIRED) String type,
                     @Schema(example = "2026-03-14", requiredMode = Schema.RequiredMode.REQUIRED) String triggerDate) {
    }

    @Schema(description = "事件：INTERRUPTION（中断，期间重新计算）、SUSPENSION（中止，暂停计算）、"
            + "RESUMPTION（中止原因消除，继续计算）；date 为事件发生之日")
    record EventBody(@Schema(example = "INTERRUPTION", requiredMode = Schema.RequiredMode.REQUIRED) String kind,
                     @Schema(example = "2026-09-01", requiredMode = Schema.RequiredMode.REQUIRED) String date) {
    }

    @Schema(description = "法律期限类型（来自期限类型规则表 legal-clock-types）")
    record ClockTypeView(@Schema(example = "LABOUR_ARBITRATION") String type, @Schema(example = "劳动仲裁申请期限") String name,
                         @Schema(example = "1年") String period,
                         @Schema(example = "中华人民共和国劳动争议调解仲裁法 第二十七条") String statute,
                         @Schema(description = "截止前多少天提醒") List<Integer> reminderDays) {
    }

    @Schema(description = "建议添加的法律期限：依据期限类型规则表（业务类型、问题类别、问题中的用语），起算日取自问题中写的日期，由工作人员确认或修改")
    record SuggestionView(@Schema(example = "LABOUR_ARBITRATION") String type, @Schema(example = "劳动仲裁申请期限") String name,
                          @Schema(example = "1年") String period, String statute,
                          @Schema(example = "问题类别：劳动争议") String reason,
                          @Schema(description = "建议的起算日；问题中没有日期时为空") LocalDate triggerDate,
                          @Schema(example = "问题中写的“3月5号”") String triggerSource,
                          @Schema(description = "问题中出现的全部日期，可从中另选") List<DateView> datesInText) {
    }

    @Schema(description = "问题中写的一个日期；precision 为 DAY（具体到日）或 MONTH（只到月，取该月第一天，请核实）")
    record DateView(LocalDate date, String precision, @Schema(example = "3月5号") String phrase) {
    }

    @Schema(description = "正在填写的问题：业务类型和已写的内容")
    record DraftBody(@Schema(example = "LEGAL_CONSULTATION") String businessType,
                     @Schema(example = "公司把我辞退了，没有给补偿", maxLength = 4000) String text) {
    }

    @Schema(description = "提问页要不要请市民填写法律期限的起算日：applies 为 false 时不问；为 true 时 question 是要问的话，"
            + "日期可选范围为 earliest 至 latest（今天）。提交时作为 triggerDate 随问题提交，由工作人员确认")
    record ClockQuestionView(boolean applies, @Schema(example = "LABOUR_ARBITRATION") String type,
                             @Schema(example = "劳动仲裁申请期限") String name,
                             @Schema(example = "您是哪天被辞退（或知道权益受损）的？") String question,
                             LocalDate earliest, LocalDate latest) {
    }

    private static final int MAX_DRAFT = 4000;

    private final LegalClockService clocks;
    private final ClockSuggestions suggestions;
    private final ClockRules rules;
    private final CurrentStaff currentStaff;
    private final TrackingTokens trackingTokens;

    LegalClockController(LegalClockService clocks, ClockSuggestions suggestions, ClockRules rules, CurrentStaff currentStaff,
                         TrackingTokens trackingTokens) {
        this.clocks = clocks;
        this.suggestions = suggestions;
        this.rules = rules;
        this.currentStaff = currentStaff;
        this.trackingTokens = trackingTokens;
    }

    @GetMapping("/api/v1/staff/clock-types")
    @Operation(summary = "可添加的法律期限类型", description = "按期限类型规则表的当前版本")
    List<ClockTypeView> clockTypes() {
        currentStaff.require();
        return rules.all().stream().map(r -> new ClockTypeView(r.type(), r.name(), r.periodText(), r.statute(),
                r.reminderDays())).toList();
    }

    @GetMapping("/api/v1/staff/tickets/{number}/clocks")
    @Operation(summary = "工单的法律期限", description = "能查看该工单的工作人员")
    ClockViews.ClockList listClocks(@PathVariable String number) {
        StaffMember staff = currentStaff.require();
        return ClockViews.forStaff(clocks.forStaff(checked(number), staff), clocks.today());
    }

    @PostMapping(path = "/api/v1/staff/tickets/{number}/clocks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "添加法律期限", description = "承办人（本单位）、调度员、管理员；400 时 field 指明出错的字段")
    ResponseEntity<ClockViews.ClockView> addClock(@PathVariable String number, @RequestBody ClockBody body) {
        StaffMember staff = currentStaff.require();
        ClockBody b = required(body);
        ClockReading added = clocks.add(checked(number), b.type(), b.triggerDate(), staff);
        return ResponseEntity.status(HttpStatus.CREATED).body(ClockViews.view(added, clocks.today(), true));
    }

    @PutMapping(path = "/api/v1/staff/tickets/{number}/clocks/{clockId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "修改法律期限的类型或起算日", description = "承办人（本单位）、调度员、管理员")
    ClockViews.ClockView changeClock(@PathVariable String number, @PathVariable long clockId, @RequestBody ClockBody body) {
        StaffMember staff = currentStaff.require();
        ClockBody b = required(body);
        return ClockViews.view(clocks.change(checked(number), clockId, b.type(), b.triggerDate(), staff),
                clocks.today(), true);
    }

    @PostMapping(path = "/api/v1/staff/tickets/{number}/clocks/{clockId}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "记录时效中断、中止或中止原因消除", description = "承办人（本单位）、调度员、管理员；事件按发生顺序记录")
    ClockViews.ClockView recordClockEvent(@PathVariable String number, @PathVariable long clockId, @RequestBody EventBody body) {
        StaffMember staff = currentStaff.require();
        if (body == null) {
            throw new InvalidInputException("body", "body.missing", "请求体不能为空");
        }
        return ClockViews.view(clocks.addEvent(checked(number), clockId, body.kind(), body.date(), staff),
                clocks.today(), true);
    }

    @GetMapping("/api/v1/staff/tickets/{number}/clock-suggestions")
    @Operation(summary = "建议添加的法律期限", description = "能查看该工单的工作人员；已添加或已不采用的类型不再建议")
    List<SuggestionView> clockSuggestions(@PathVariable String number) {
        StaffMember staff = currentStaff.require();
        return suggestions.forStaff(checked(number), staff).stream().map(s -> new SuggestionView(s.rule().type(),
                s.rule().name(), s.rule().periodText(), s.rule().statute(), s.reason(), s.triggerDate(), s.triggerSource(),
                s.candidates().stream().map(d -> new DateView(d.date(), d.precision().name(), d.phrase())).toList())).toList();
    }

    @PostMapping("/api/v1/staff/tickets/{number}/clock-suggestions/{type}/dismissal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "不采用建议的法律期限", description = "承办人（本单位）、调度员、管理员；该工单不再建议此类型")
    void dismissClockSuggestion(@PathVariable String number, @PathVariable String type) {
        suggestions.dismiss(checked(number), type, currentStaff.require());
    }

    @PostMapping(path = "/api/v1/clock-question", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "提问页的法律期限起算日问题（公开）",
            description = "按期限类型规则表判断正在填写的问题会建议哪种法律期限，以及要不要请市民填写起算日（例如“您是哪天被辞退的？”）。"
                    + "不保存任何内容；text 最多4000字，400 时 field 指明出错的字段")
    ClockQuestionView clockQuestion(@RequestBody DraftBody body) {
        if (body == null) {
            throw new InvalidInputException("body", "body.missing", "请求体不能为空");
        }
        String text = body.text() == null ? "" : body.text();
        if (text.codePointCount(0, text.length()) > MAX_DRAFT) {
            throw new InvalidInputException("text", "field.tooLong", "内容不能超过" + MAX_DRAFT + "个字");
        }
        return suggestions.questionFor(body.businessType(), text)
                .map(q -> new ClockQuestionView(true, q.rule().type(), q.rule().name(), q.question(), q.earliest(),
                        q.latest()))
                .orElse(new ClockQuestionView(false, null, null, null, null, null));
    }

    @GetMapping("/api/v1/tickets/{number}/clocks")
    @Operation(summary = "我的法律期限（市民凭查询凭证）",
            description = "X-Tracking-Token 请求头；与查询工单相同的凭证检查，其他情况一律 404。期限仅供参考，不构成法律意见")
    ClockViews.ClockList citizenClocks(@PathVariable String number,
                                     @RequestHeader(name = "X-Tracking-Token", required = false) String token) {
        if (!TicketNumber.isWellFormed(number) || !trackingTokens.matches(number, token)) {
            throw new TicketNotFoundException(number);
        }
        return ClockViews.forCitizen(clocks.forCitizen(number), clocks.today());
    }

    private static ClockBody required(ClockBody body) {
        if (body == null) {
            throw new InvalidInputException("body", "body.missing", "请求体不能为空");
        }
        return body;
    }

    private static String checked(String number) {
        if (!TicketNumber.isWellFormed(number)) {
            throw new TicketNotFoundException(number);
        }
        return number;
    }
}
