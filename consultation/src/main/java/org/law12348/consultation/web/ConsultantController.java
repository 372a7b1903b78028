package org.law12348.consultation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.consultation.CertificationService;
import org.law12348.consultation.ConsultationAnswer;
import org.law12348.consultation.ConsultationService;
import org.law12348.consultation.PointsBoard;
import org.law12348.consultation.PointsEntries;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.LegalCategory;
import org.law12348.ticketing.PoolAnswerWindow;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The consultant's own API: certification status, the pool, claims, answers, points and rank. */
@RestController
@RequestMapping("/api/v1/consultant")
@Tag(name = "consultant", description = "志愿咨询师（需 CONSULTANT 角色）")
class ConsultantController {

    @Schema(description = "资格与积分概况")
    record Me(String username, String status, String statusName, String validUntil, long points, int monthRank,
              ConsultationViews.ConsultantView certification) {
    }

    @Schema(description = "答复：text 至少20字；citedArticles 如 民法典第一千零七十九条")
    record AnswerBody(String text, List<String> citedArticles) {
    }

    @Schema(description = "咨询池问题")
    record PoolItem(String number, String subject, String text, String businessTypeName, String regionName,
                    String category, String categoryName, Instant createdAt, Instant dueAt,
                    @Schema(description = "无人认领答复时转交外包服务单位的时刻（按配置的答复时限计算）") Instant handOverAt) {
    }

    @Schema(description = "积分流水")
    record PointsLine(String ticketNumber, String reason, String reasonName, int points, Instant at) {
    }

    private final CertificationService certification;
    private final ConsultationService consultation;
    private final PointsBoard board;
    private final PointsEntries ledger;
    private final ConsultationViews views;
    private final CurrentStaff currentStaff;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;
    private final PoolAnswerWindow answerWindow;

    ConsultantController(CertificationService certification, ConsultationService consultation, PointsBoard board,
                         PointsEntries ledger, ConsultationViews views, CurrentStaff currentStaff, Regions regions,
                         AuditTrail audit, Clock clock, PoolAnswerWindow answerWindow) {
        this.answerWindow = answerWindow;
        this.audit = audit;
        this.certification = certification;
        this.consultation = consultation;
        this.board = board;
        this.ledger = ledger;
        this.views = views;
        this.currentStaff = currentStaff;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping("/me")
    @Operation(summary = "我的资格状态、积分和本月排名")
    Me me() {
        String me = currentStaff.require().username();
        var consultant = certification.of(me);
        YearMonth month = YearMonth.now(clock);
        return new Me(me, consultant.map(c -> c.status().name()).orElse("NONE"),
                consultant.map(c -> c.status().chineseName()).orElse("未申请"),
                consultant.map(c -> c.validUntil() == null ? null : c.validUntil().toString()).orElse(null),
                ledger.balanceOf(me), board.rankOf(me, month), consultant.map(views::consultant).orElse(null));
    }

    @PostMapping("/application")
    @Operation(summary = "提交或更新资格申请")
    ConsultationViews.ConsultantView apply(@RequestBody CertificationService.ApplicationForm form) {
        return views.consultant(certification.apply(currentStaff.require().username(), form));
    }

    @GetMapping("/pool")
    @Operation(summary = "咨询池中我可以认领的问题（按提问时间排序）")
    List<PoolItem> pool(@RequestParam(required = false) String category) {
        LegalCategory filter = null;
        if (category != null && !category.isBlank()) {
            try {
                filter = LegalCategory.valueOf(category.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("category", "category.unknown", "不支持的法律领域");
            }
        }
        StaffMember me = currentStaff.require();
        var questions = consultation.pool(me.username(), filter);
        // pool questions are anonymous to consultants, but their free text may still name the citizen
        audit.read(me, AuditAction.POOL_VIEWED, AuditSubject.none(), "咨询池问题正文" + (filter == null ? "" : "（" + filter.chineseName() + "）") + "："
                        + String.join("、", questions.stream().map(q -> q.ticket().number()).toList()));
        return questions.stream()
                .map(q -> new PoolItem(q.ticket().number(), me.textOf(q.ticket(), q.ticket().subject()),
                        me.textOf(q.ticket(), q.ticket().text()),
                        q.ticket().businessType().chineseName(), regions.fullName(q.ticket().region()),
                        q.category().name(), q.category().chineseName(), q.ticket().createdAt(), q.ticket().dueAt(),
                        q.ticket().handOverAt(answerWindow.length())))
                .toList();
    }

    @GetMapping("/claims")
    @Operation(summary = "我已认领、待答复（含追问）的问题")
    List<String> claims() {
        return consultation.mine(currentStaff.require().username()).stream().map(Ticket::number).toList();
    }

    @PostMapping("/pool/{number}/claim")
    @Operation(summary = "认领问题（排他：同时认领只有一人成功，其余 409）")
    ConsultationViews.ClaimView claim(@PathVariable String number) {
        return views.claim(consultation.claim(checked(number), currentStaff.require().username()));
    }

    @PostMapping("/pool/{number}/release")
    @Operation(summary = "放弃认领，问题退回咨询池")
    ConsultationViews.ClaimView release(@PathVariable String number) {
        return views.claim(consultation.release(checked(number), currentStaff.require().username()));
    }

    @PostMapping("/pool/{number}/answer")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "答复问题（须已认证、领域匹配，且问题未被他人认领）")
    ConsultationViews.AnswerView answer(@PathVariable String number, @RequestBody AnswerBody body) {
        StaffMember me = currentStaff.require();
        ConsultationAnswer answer = consultation.answer(checked(number), me.username(),
                body == null ? null : body.text(), body == null ? null : body.citedArticles());
        return views.answer(answer);
    }

    @GetMapping("/points")
    @Operation(summary = "我的积分流水（最近100条）")
    List<PointsLine> points() {
        return ledger.findTop100ByConsultantOrderByIdDesc(currentStaff.require().username()).stream()
                .map(p -> new PointsLine(p.ticketNumber(), p.reason().name(), p.reason().chineseName(), p.points(),
                        p.createdAt()))
                .toList();
    }

    @GetMapping("/leaderboard")
    @Operation(summary = "积分排行榜：month 如 2026-11（默认本月），regionCode 可选")
    List<org.law12348.consultation.PointsBoard.Standing> leaderboard(
            @RequestParam(required = false) String month, @RequestParam(required = false) String regionCode) {
        YearMonth when;
        try {
            when = month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "month.invalid", "月份格式应为 2026-11");
        }
        RegionCode region = regionCode == null || regionCode.isBlank() ? null
                : regions.require(regionCode.strip(), "regionCode");
        return board.leaderboard(when, region, 50);
    }

    private static String checked(String number) {
        if (!TicketNumber.isWellFormed(number)) {
            throw new TicketNotFoundException(number);
        }
        return number;
    }
}
