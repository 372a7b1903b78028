package org.law12348.portal.consultant;

import org.law12348.knowledge.AnswerDrafts;
import org.law12348.knowledge.KnowledgeBase;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchUnavailableException;
import org.law12348.knowledge.SimilarAnsweredTickets;
import org.law12348.portal.SignedInStaff;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketStateException;
import org.law12348.ticketing.audit.AuditAction;
import org.law12348.ticketing.audit.AuditSubject;
import org.law12348.ticketing.audit.AuditTrail;
import org.law12348.ticketing.consultation.AnswerNotReusableException;
import org.law12348.ticketing.consultation.AnsweredQuestions;
import org.law12348.ticketing.consultation.CertificationException;
import org.law12348.ticketing.consultation.CertificationService;
import org.law12348.ticketing.consultation.CertificationStatus;
import org.law12348.ticketing.consultation.ClaimConflictException;
import org.law12348.ticketing.consultation.ConsultationService;
import org.law12348.ticketing.consultation.LegalCategory;
import org.law12348.ticketing.consultation.PointsBoard;
import org.law12348.ticketing.consultation.PointsEntries;
import org.law12348.ticketing.consultation.QualificationType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The consultant portal: certification status and application, the pool, claims, answers, points. */
@Controller
class ConsultantPortalController {

    private static final int ANSWERED_SHOWN = 20;

    private final CertificationService certification;
    private final ConsultationService consultation;
    private final PointsEntries ledger;
    private final PointsBoard board;
    private final KnowledgeBase knowledge;
    private final AnsweredQuestions answered;
    private final AnswerDrafts answerDrafts;
    private final SimilarAnsweredTickets similarAnswered;
    private final SignedInStaff staff;
    private final AuditTrail audit;
    private final Clock clock;

    ConsultantPortalController(CertificationService certification, ConsultationService consultation,
                               PointsEntries ledger, PointsBoard board, KnowledgeBase knowledge,
                               AnsweredQuestions answered, AnswerDrafts answerDrafts,
                               SimilarAnsweredTickets similarAnswered, SignedInStaff staff, AuditTrail audit,
                               Clock clock) {
        this.similarAnswered = similarAnswered;
        this.answered = answered;
        this.answerDrafts = answerDrafts;
        this.staff = staff;
        this.audit = audit;
        this.certification = certification;
        this.consultation = consultation;
        this.ledger = ledger;
        this.board = board;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    /**
     * The consultant's own profile and application for everyone; the pool, their claims and the
     * questions they answered (citizens' words) only while their certification is approved and valid.
     */
    @GetMapping("/consultant")
    String home(@RequestParam(required = false) String category, Model model) {
        StaffMember member = staff.require();
        String username = member.username();
        var consultant = certification.of(username);
        // the templates show question texts through staff.textOf: numbers typed into them are masked
        model.addAttribute("staff", staff.require());
        model.addAttribute("consultant", consultant.orElse(null));
        model.addAttribute("mayApply", consultant.isEmpty() || consultant.get().status() == CertificationStatus.REJECTED
                || consultant.get().status() == CertificationStatus.CERTIFIED && !member.cleared());
        model.addAttribute("points", ledger.balanceOf(username));
        model.addAttribute("rank", board.rankOf(username, YearMonth.now(clock)));
        model.addAttribute("history", ledger.findTop100ByConsultantOrderByIdDesc(username));
        model.addAttribute("qualifications", QualificationType.values());
        model.addAttribute("businessTypes", BusinessType.values());
        model.addAttribute("categories", LegalCategory.values());
        model.addAttribute("category", category);
        if (!member.cleared()) {
            model.addAttribute("answered", List.of());
            model.addAttribute("poolClosed", staff.whyNotCertified(username) + "，暂不能查看咨询池和答复问题");
            return "consultant/home";
        }
        List<AnsweredQuestions.AnsweredQuestion> myAnswers = answered.of(username, ANSWERED_SHOWN);
        model.addAttribute("answered", myAnswers);
        model.addAttribute("faqDrafts", answerDrafts.draftsOf(
                myAnswers.stream().map(AnsweredQuestions.AnsweredQuestion::ticketNumber).toList()));
        try {
            LegalCategory filter = category == null || category.isBlank() ? null : LegalCategory.valueOf(category);
            var pool = consultation.pool(username, filter);
            List<Ticket> mine = consultation.mine(username);
            audit.read(username, AuditAction.POOL_VIEWED, AuditSubject.none(), "consultant-portal: 问题正文 tickets="
                    + pool.stream().map(q -> q.ticket().number()).toList());
            audit.read(username, AuditAction.CLAIMED_QUESTIONS_VIEWED, AuditSubject.none(),
                    "consultant-portal: 已认领问题正文 tickets=" + mine.stream().map(Ticket::number).toList());
            model.addAttribute("pool", pool);
            model.addAttribute("mine", mine);
            model.addAttribute("similar", similarAnswers(mine));
            model.addAttribute("similarTickets", similarTickets(username, mine));
        } catch (CertificationException e) {
            model.addAttribute("poolClosed", e.getMessage());
        } catch (IllegalArgumentException e) {
            model.addAttribute("poolClosed", "不支持的法律领域");
        }
        return "consultant/home";
    }

    /** The knowledge base's closest published answers beside each question being answered. */
    private Map<String, List<SearchHit>> similarAnswers(List<Ticket> questions) {
        Map<String, List<SearchHit>> similar = new HashMap<>();
        for (Ticket question : questions) {
            try {
                similar.put(question.number(), knowledge.similarQuestions(question.text(), 3));
            } catch (SearchUnavailableException e) {
                similar.put(question.number(), List.of());
            }
        }
        return similar;
    }

    /** Earlier answered questions like each claimed one, with their answers: precedents from every consultant. */
    private Map<String, List<SearchHit>> similarTickets(String username, List<Ticket> questions) {
        Map<String, String> texts = new LinkedHashMap<>();
        questions.forEach(q -> texts.put(q.number(), q.text()));
        Map<String, List<SearchHit>> similar = similarAnswered.like(texts, 3);
        List<String> shown = similar.values().stream().flatMap(List::stream).map(SearchHit::id).distinct().toList();
        if (!shown.isEmpty()) {
            audit.read(username, AuditAction.SIMILAR_TICKETS_VIEWED, AuditSubject.none(),
                    "consultant-portal: 相似的已答复问题（号码已遮蔽） tickets=" + shown);
        }
        return similar;
    }

    @PostMapping("/consultant/apply")
    String apply(Principal me, @RequestParam(required = false) String qualification,
                 @RequestParam(required = false) String licenceNumber, @RequestParam(required = false) String regionCode,
                 @RequestParam(required = false) List<String> businessTypes,
                 @RequestParam(required = false) List<String> categories,
                 @RequestParam(required = false) String statement, RedirectAttributes flash) {
        return act(flash, () -> certification.apply(me.getName(), new CertificationService.ApplicationForm(
                qualification, licenceNumber, regionCode, businessTypes, categories, statement)), "申请已提交，请等待审核");
    }

    @PostMapping("/consultant/claim/{number}")
    String claim(Principal me, @PathVariable String number, RedirectAttributes flash) {
        return act(flash, () -> consultation.claim(number, me.getName()), "已认领，请尽快答复");
    }

    @PostMapping("/consultant/release/{number}")
    String release(Principal me, @PathVariable String number, RedirectAttributes flash) {
        return act(flash, () -> consultation.release(number, me.getName()), "已放弃认领");
    }

    @PostMapping("/consultant/answer/{number}")
    String answer(Principal me, @PathVariable String number, @RequestParam(required = false) String text,
                  @RequestParam(required = false) String citedArticles, RedirectAttributes flash) {
        List<String> citations = citedArticles == null ? List.of() : Arrays.asList(citedArticles.split("[,，;；\\n]"));
        return act(flash, () -> consultation.answer(number, me.getName(), text, citations), "答复已发送给市民");
    }

    /** One action: the consultant's answer on a resolved question becomes a draft FAQ for an admin to review. */
    @PostMapping("/consultant/faq-drafts/{number}")
    String draftFaq(@PathVariable String number, RedirectAttributes flash) {
        return report(flash, () -> {
            var drafted = answerDrafts.draftFrom(number, staff.require());
            return drafted.created() ? "已生成知识库草稿 " + drafted.article().id() + "，管理员审核后发布"
                    : "该问题已转为知识库草稿 " + drafted.article().id();
        });
    }

    private static String act(RedirectAttributes flash, Runnable action, String done) {
        return report(flash, () -> {
            action.run();
            return done;
        });
    }

    /** Runs an action and shows what it says, or why it was refused, on the consultant's page. */
    private static String report(RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("notice", action.get());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.violations().get(0).message());
        } catch (CertificationException | ClaimConflictException | AnswerNotReusableException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (TicketStateException e) {
            flash.addFlashAttribute("error", e.chineseMessage());
        } catch (TicketNotFoundException e) {
            flash.addFlashAttribute("error", "问题不存在或已不在咨询池中");
        }
        return "redirect:/consultant";
    }
}
