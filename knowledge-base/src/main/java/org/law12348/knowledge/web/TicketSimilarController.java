package org.law12348.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.law12348.knowledge.KnowledgeBase;
import org.law12348.knowledge.SearchUnavailableException;
import org.law12348.knowledge.SimilarAnsweredTickets;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.TicketService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Map;

/**
 * Beside a ticket in the staff workspace: answered tickets asking much the same (their questions with
 * numbers masked, the start of their answers) and the closest published FAQ articles. The knowledge
 * base's own analysis ranks both; texts are plain (no markup), the page escapes them.
 */
@RestController
class TicketSimilarController {

    private static final int LIMIT = 5;

    @Schema(description = "相似的已答复工单：问题（号码已遮蔽）和答复开头，纯文本")
    record SimilarTicket(String number, String subject, String answerStart, double score) {
    }

    @Schema(description = "相近的已发布问答，纯文本")
    record SimilarArticle(String id, String question, String answerStart, double score) {
    }

    @Schema(description = "与本工单相似的已答复工单和知识库问答，各最多5条")
    record SimilarView(List<SimilarTicket> tickets, List<SimilarArticle> articles) {
    }

    private final CurrentStaff staff;
    private final TicketService tickets;
    private final SimilarAnsweredTickets answered;
    private final KnowledgeBase knowledge;
    private final AuditTrail audit;

    TicketSimilarController(CurrentStaff staff, TicketService tickets, SimilarAnsweredTickets answered,
                            KnowledgeBase knowledge, AuditTrail audit) {
        this.staff = staff;
        this.tickets = tickets;
        this.answered = answered;
        this.knowledge = knowledge;
        this.audit = audit;
    }

    @GetMapping("/api/v1/staff/tickets/{number}/similar")
    @Operation(summary = "相似的已答复工单和知识库问答", description = "可查看本工单的承办人（本单位）、调度员、管理员")
    SimilarView similar(@PathVariable String number) {
        StaffMember member = staff.find().orElse(null);
        if (member == null || !member.hasRole(StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("你的角色不能查看相似工单");
        }
        if (!TicketNumber.isWellFormed(number)) {
            throw new TicketNotFoundException(number);
        }
        Ticket ticket = tickets.view(number, member);
        String question = ticket.subject() == null ? ticket.text() : ticket.subject() + "\n" + ticket.text();
        List<SimilarTicket> similar = answered.like(Map.of(ticket.number(), question), LIMIT)
                .getOrDefault(ticket.number(), List.of()).stream()
                .map(h -> new SimilarTicket(h.id(), plain(h.title()), plain(h.snippet()), h.score())).toList();
        if (!similar.isEmpty()) {
            audit.read(member, AuditAction.SIMILAR_TICKETS_VIEWED, AuditSubject.ticket(ticket.number()),
                    "相似的已答复问题（号码已遮蔽）：" + String.join("、", similar.stream().map(SimilarTicket::number).toList()));
        }
        return new SimilarView(similar, articles(question));
    }

    /** The FAQ side needs the search backend; when it is down the similar tickets are still worth showing. */
    private List<SimilarArticle> articles(String question) {
        try {
            return knowledge.similarQuestions(question, LIMIT).stream()
                    .map(h -> new SimilarArticle(h.id(), plain(h.title()), plain(h.snippet()), h.score())).toList();
        } catch (SearchUnavailableException e) {
            return List.of();
        }
    }

    /** Snippets come escaped with hits in {@code <em>}; the workspace shows text, so it gets text. */
    private static String plain(String snippet) {
        return snippet == null ? null : HtmlUtils.htmlUnescape(snippet.replace("<em>", "").replace("</em>", ""));
    }
}
