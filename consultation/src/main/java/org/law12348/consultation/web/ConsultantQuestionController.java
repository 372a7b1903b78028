package org.law12348.consultation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.consultation.AnsweredQuestions;
import org.law12348.consultation.ConsultationProperties;
import org.law12348.consultation.PointsEntries;
import org.law12348.consultation.PointsEntry;
import org.law12348.consultation.ReviewStatus;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.LegalCategory;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.RoutingQueue;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.Tickets;
import org.law12348.ticketing.TimelineEntry;
import org.law12348.ticketing.TimelineEventType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a consultant reads while answering: the question they hold with the citizen's follow-ups and
 * the answers given so far, and their answered questions with why each has (not yet) earned points.
 */
@RestController
@RequestMapping("/api/v1/consultant")
@Tag(name = "consultant")
class ConsultantQuestionController {

    private static final int ANSWERS_LISTED = 50;

    @Schema(description = "对话中的一条：kind 为 QUESTION 提问、FOLLOW_UP 追问、ANSWER 答复；mine 表示是我的答复")
    record MessageView(String kind, String kindName, String text, Instant at, boolean mine) {
    }

    @Schema(description = "我认领的问题及对话；claimExpiresAt：未答复时认领失效、退回咨询池的时间")
    record ClaimedQuestion(String number, String subject, String text, String businessTypeName, String regionName,
                           String category, String categoryName, String status, String statusName,
                           Instant createdAt, Instant dueAt, Instant claimedAt, Instant claimExpiresAt,
                           List<MessageView> messages) {
    }

    @Schema(description = "我答复过的问题与积分：points 已计积分；pointsPending 说明为何尚未计分（已计分时为空）")
    record AnsweredView(String ticketNumber, String subject, String status, String statusName, Instant answeredAt,
                        String reviewStatus, String reviewStatusName, int points, String pointsPending) {
    }

    private final Tickets tickets;
    private final AnsweredQuestions answered;
    private final PointsEntries ledger;
    private final ConsultationProperties properties;
    private final CurrentStaff currentStaff;
    private final Regions regions;
    private final AuditTrail audit;

    ConsultantQuestionController(Tickets tickets, AnsweredQuestions answered, PointsEntries ledger,
                                 ConsultationProperties properties, CurrentStaff currentStaff, Regions regions,
                                 AuditTrail audit) {
        this.tickets = tickets;
        this.answered = answered;
        this.ledger = ledger;
        this.properties = properties;
        this.currentStaff = currentStaff;
        this.regions = regions;
        this.audit = audit;
    }

    /** A pool question this consultant holds or answered; any other ticket answers 404, as if absent. */
    @GetMapping("/claims/{number}")
    @Operation(summary = "我认领或答复过的问题：正文、市民追问和答复记录，以及认领失效时间")
    @Transactional(readOnly = true)
    ClaimedQuestion question(@PathVariable String number) {
        StaffMember me = currentStaff.require();
        String wanted = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (!TicketNumber.isWellFormed(wanted)) {
            throw new TicketNotFoundException(number);
        }
        Ticket ticket = tickets.findByNumber(wanted)
                .filter(t -> t.queue() == RoutingQueue.VOLUNTEER_POOL && me.username().equals(t.assignee()))
                .orElseThrow(() -> new TicketNotFoundException(wanted));
        audit.read(me, AuditAction.CLAIMED_QUESTIONS_VIEWED, AuditSubject.ticket(ticket.number()),
                "已认领问题正文与追问");
        LegalCategory category = LegalCategory.guess(ticket.text());
        return new ClaimedQuestion(ticket.number(), me.textOf(ticket, ticket.subject()), me.textOf(ticket, ticket.text()),
                ticket.businessType().chineseName(), regions.fullName(ticket.region()), category.name(),
                category.chineseName(), ticket.status().name(), ticket.status().chineseName(), ticket.createdAt(),
                ticket.dueAt(), ticket.claimedAt(), claimExpiry(ticket), messages(ticket, me));
    }

    @GetMapping("/answers")
    @Operation(summary = "我答复过的问题（最近50个）：已计积分，或尚未计分的原因")
    List<AnsweredView> answers() {
        String me = currentStaff.require().username();
        Map<String, Integer> earned = ledger.findTop100ByConsultantOrderByIdDesc(me).stream()
                .collect(Collectors.groupingBy(PointsEntry::ticketNumber, Collectors.summingInt(PointsEntry::points)));
        return answered.of(me, ANSWERS_LISTED).stream()
                .map(a -> {
                    int points = earned.getOrDefault(a.ticketNumber(), 0);
                    boolean credited = earned.containsKey(a.ticketNumber());
                    return new AnsweredView(a.ticketNumber(), a.subject(), a.status().name(), a.status().chineseName(),
                            a.answeredAt(), a.review().name(), a.review().chineseName(), points,
                            credited ? null : pending(a.status(), a.review()));
                })
                .toList();
    }

    /** Only an unanswered claim lapses (ConsultationService.releaseExpiredClaims); a follow-up does not. */
    private Instant claimExpiry(Ticket ticket) {
        if (ticket.status() != TicketStatus.IN_PROGRESS || ticket.firstAnsweredAt() != null
                || ticket.claimedAt() == null) {
            return null;
        }
        return ticket.claimedAt().plus(properties.claimTimeout());
    }

    private static List<MessageView> messages(Ticket ticket, StaffMember me) {
        List<MessageView> messages = new ArrayList<>();
        messages.add(new MessageView("QUESTION", "提问", me.textOf(ticket, ticket.text()), ticket.createdAt(), false));
        for (TimelineEntry entry : ticket.timeline()) {
            if (entry.type() == TimelineEventType.FOLLOW_UP) {
                messages.add(new MessageView("FOLLOW_UP", "追问", me.textOf(ticket, entry.text()), entry.occurredAt(),
                        false));
            } else if (entry.type() == TimelineEventType.ANSWERED) {
                messages.add(new MessageView("ANSWER", "答复", entry.text(), entry.occurredAt(),
                        me.username().equals(entry.actor())));
            }
        }
        return messages;
    }

    /** Why an answer has earned nothing yet (PointsLedger credits on closing or an upheld review). */
    static String pending(TicketStatus status, ReviewStatus review) {
        if (review == ReviewStatus.FLAGGED) {
            return "答复正在复核，复核通过后计分";
        }
        if (review == ReviewStatus.REJECTED) {
            return "答复复核未通过，不计分";
        }
        return switch (status) {
            case ANSWERED -> "等待市民确认解决；市民未确认的，答复期满后自动办结并计分";
            case IN_PROGRESS, ROUTED -> "市民追问中，答复追问、问题办结后计分";
            case CLOSED -> "问题已办结，积分正在结算";
        };
    }
}
