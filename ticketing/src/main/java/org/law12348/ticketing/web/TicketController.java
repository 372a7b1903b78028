package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.CitizenTicketActions;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PrivacyConsents;
import org.law12348.ticketing.SubmissionConflictException;
import org.law12348.ticketing.TicketIntake;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.Tickets;
import org.law12348.ticketing.internal.TrackingTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** The web channel's intake, and the ticket page a citizen follows with their tracking token. */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "tickets", description = "网上提交与查询工单")
class TicketController {

    private static final String CONSENT_HEADER = "X-Consent-Id";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final String WRITE_KEY = "幂等键：同一操作的重试使用同一个值（1-128个可见ASCII字符）";
    private static final String WRITE_KEY_RULE = "带 Idempotency-Key 的重试不再重复操作，返回同样的结果（Idempotent-Replayed: true）；"
            + "同一个键用于另一项操作或不同内容时 422";

    @Schema(description = "网上提交的工单。文字上限：text 4000 字，subject 100 字，contactName 32 字")
    record CreateTicketRequest(
            @Schema(description = "业务类型", example = "LEGAL_AID", requiredMode = Schema.RequiredMode.REQUIRED)
            String businessType,
            @Schema(description = "行政区划代码（GB/T 2260，6位）", example = "440106",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String regionCode,
            @Schema(description = "CONSULTATION 或 SERVICE_REQUEST；不填时由业务类型决定", example = "SERVICE_REQUEST")
            String kind,
            @Schema(description = "标题，不填时取正文第一行", maxLength = 100) String subject,
            @Schema(description = "问题或事项的描述", minLength = 5, maxLength = 4000,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String text,
            @Schema(description = "联系人姓名", maxLength = 32) String contactName,
            @Schema(description = "联系电话", example = "13800138000") String contactPhone,
            @Schema(description = "居民身份证号（18位，可不填；加密保存，工作人员只见部分号码）",
                    example = "11010519491231002X") String contactIdNumber,
            @Schema(description = "市民填写的法律期限起算日（可不填，yyyy-MM-dd），例如被辞退之日；不能晚于今天，不能早于20年前。"
                    + "工作人员在“建议添加的法律期限”中看到并确认（来源：市民填写）；属于幂等内容", example = "2026-03-05")
            String triggerDate) {
    }

    @Schema(description = "受理回执")
    record CreatedTicket(String number, String status, String statusName, String handlingUnit,
                         String handlingUnitName, String queue, Instant dueAt, String trackingToken,
                         String trackingUrl) {
    }

    private final TicketIntake intake;
    private final TicketService service;
    private final CitizenTicketActions citizenActions;
    private final Tickets tickets;
    private final TrackingTokens trackingTokens;
    private final TicketViews views;
    private final CurrentStaff currentStaff;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<PrivacyConsents> consents;

    TicketController(TicketIntake intake, TicketService service, CitizenTicketActions citizenActions, Tickets tickets, TrackingTokens trackingTokens,
                     TicketViews views, CurrentStaff currentStaff, AuditTrail audit, Clock clock,
                     ObjectProvider<PrivacyConsents> consents) {
        this.consents = consents;
        this.audit = audit;
        this.intake = intake;
        this.service = service;
        this.citizenActions = citizenActions;
        this.tickets = tickets;
        this.trackingTokens = trackingTokens;
        this.views = views;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "提交工单（网上渠道）",
            description = "201 返回工单编号、分派结果和查询凭证；带相同 Idempotency-Key 且内容相同的重试返回同一工单（200）；"
                    + "同一 Idempotency-Key 配不同内容时 422")
    ResponseEntity<CreatedTicket> create(
            @RequestBody CreateTicketRequest body,
            @Parameter(description = "幂等键：同一次提交的重试使用同一个值（1-128个可见ASCII字符）")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Parameter(description = "市民端记录的个人信息保护说明同意（POST /api/v1/citizen/consents 返回的 consentId）；"
                    + "带上时必须是网页渠道在用的同意，不存在或已撤回时 400（field: X-Consent-Id）")
            @RequestHeader(name = CONSENT_HEADER, required = false) String consentId) {
        if (body == null) {
            throw new InvalidInputException("body", "body.missing", "请求体不能为空");
        }
        String reference = idempotencyKey == null ? UUID.randomUUID().toString() : checkKey(idempotencyKey);
        IntakeResult result;
        try {
            result = intake.receive(IntakeRequest.fromWeb(reference, body.businessType(), body.regionCode(),
                    body.text()).withKind(body.kind()).withSubject(body.subject()).withContactName(body.contactName())
                    .withPhone(body.contactPhone()).withIdNumber(body.contactIdNumber())
                    .withTriggerDate(body.triggerDate())
                    .withConsent(consentId == null ? null : checkConsent(consentId)));
        } catch (SubmissionConflictException reused) {
            throw new SubmissionConflictException("Idempotency-Key");
        }
        String url = "/api/v1/tickets/" + result.ticketNumber();
        CreatedTicket created = new CreatedTicket(result.ticketNumber(), result.status().name(),
                result.status().chineseName(), result.handlingUnit(), result.handlingUnitName(),
                result.queue().name(), result.dueAt(), result.trackingToken(), url);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(url))
                .header("Idempotent-Replayed", String.valueOf(!result.created()))
                .body(created);
    }

    @GetMapping("/{number}")
    @Transactional(readOnly = true)
    @Operation(summary = "查询工单", description = "市民凭查询凭证（X-Tracking-Token 请求头；不接受地址中的参数）查看，"
            + "工单办结后凭证在设定期限内有效；工作人员按角色查看；其他情况一律 404")
    TicketViews.TicketView get(@PathVariable String number,
                               @RequestHeader(name = "X-Tracking-Token", required = false) String token) {
        if (!TicketNumber.isWellFormed(number)) {
            throw new TicketNotFoundException(number);
        }
        var staff = currentStaff.find();
        if (staff.isPresent()) {
            var ticket = service.view(number, staff.get());
            audit.read(staff.get(), AuditAction.TICKET_VIEWED, AuditSubject.ticket(number)
                    .withCitizen(ticket.contact().phone()), AuditTrail.TICKET_DETAIL_FIELDS);
            return views.forStaff(ticket, staff.get(), clock.instant());
        }
        if (!trackingTokens.matches(number, token)) {
            throw new TicketNotFoundException(number);
        }
        return citizenView(number);
    }

    @Schema(description = "追问内容（2-2000字）")
    record FollowUpRequest(String text) {
    }

    @Schema(description = "评价：score 1-5，comment 最多500字")
    record RatingRequest(Integer score, String comment) {
    }

    @PostMapping(path = "/{number}/follow-ups", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "追问（市民凭查询凭证）", description = WRITE_KEY_RULE)
    ResponseEntity<TicketViews.TicketView> followUp(
            @PathVariable String number, @RequestBody FollowUpRequest body,
            @RequestHeader(name = "X-Tracking-Token", required = false) String token,
            @Parameter(description = WRITE_KEY) @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        requireCitizen(number, token);
        return answer(number, citizenActions.followUp(number, body == null ? null : body.text(), optionalKey(key)));
    }

    @PostMapping("/{number}/accept-answer")
    @Operation(summary = "确认问题已解决（市民凭查询凭证），工单随即办结", description = WRITE_KEY_RULE)
    ResponseEntity<TicketViews.TicketView> acceptAnswer(
            @PathVariable String number,
            @RequestHeader(name = "X-Tracking-Token", required = false) String token,
            @Parameter(description = WRITE_KEY) @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        requireCitizen(number, token);
        return answer(number, citizenActions.acceptAnswer(number, optionalKey(key)));
    }

    @PostMapping(path = "/{number}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "评价答复（市民凭查询凭证）", description = WRITE_KEY_RULE)
    ResponseEntity<TicketViews.TicketView> rate(
            @PathVariable String number, @RequestBody RatingRequest body,
            @RequestHeader(name = "X-Tracking-Token", required = false) String token,
            @Parameter(description = WRITE_KEY) @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        requireCitizen(number, token);
        return answer(number, citizenActions.rate(number, body == null ? null : body.score(),
                body == null ? null : body.comment(), optionalKey(key)));
    }

    /** The ticket as the citizen sees it after a write, saying whether the write was a retry. */
    private ResponseEntity<TicketViews.TicketView> answer(String number, CitizenTicketActions.Outcome outcome) {
        return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(citizenView(number));
    }

    private void requireCitizen(String number, String token) {
        if (!TicketNumber.isWellFormed(number) || !trackingTokens.matches(number, token)) {
            throw new TicketNotFoundException(number);
        }
    }

    private TicketViews.TicketView citizenView(String number) {
        return views.forCitizen(tickets.findWithTimeline(number).orElseThrow(() -> new TicketNotFoundException(number)));
    }

    private static String optionalKey(String key) {
        return key == null ? null : checkKey(key);
    }

    /**
     * The consent a web submission names must be a web consent still in force: one unknown or withdrawn
     * means the citizen is no longer covered by the notice. Without the consents' module nothing is known.
     */
    private String checkConsent(String consentId) {
        String id = consentId.strip();
        PrivacyConsents known = consents.getIfAvailable();
        if (known == null || !known.inForce(id, Channel.WEB)) {
            throw new InvalidInputException(CONSENT_HEADER, "consent.notInForce",
                    "个人信息保护说明的同意记录不存在或已撤回，请重新阅读并同意后再提交");
        }
        return id;
    }

    private static String checkKey(String key) {
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key", "idempotencyKey.invalid",
                    "Idempotency-Key 应为1到128个可见ASCII字符");
        }
        return key;
    }
}
