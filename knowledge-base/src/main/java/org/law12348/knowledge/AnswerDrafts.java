package org.law12348.knowledge;

import org.law12348.consultation.AnsweredQuestions;
import org.law12348.knowledge.internal.FaqArticles;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.TextRules;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a consultant's answer on a resolved ticket into a draft FAQ in one action; an administrator
 * reviews and publishes it. Each ticket gives at most one draft: asking again returns the first.
 */
@Service
public class AnswerDrafts {

    /** The ticket's draft, and whether this call created it. */
    public record Drafted(FaqArticle article, boolean created) {
    }

    private final AnsweredQuestions answered;
    private final FaqArticleService service;
    private final FaqArticles articles;

    AnswerDrafts(AnsweredQuestions answered, FaqArticleService service, FaqArticles articles) {
        this.answered = answered;
        this.service = service;
        this.articles = articles;
    }

    public Drafted draftFrom(String ticketNumber, StaffMember staff) {
        KnowledgeAccess.requireAuthor(staff);
        AnsweredQuestions.ReusableAnswer answer = answered.reusable(ticketNumber, staff);
        Optional<FaqArticle> existing = articles.findBySourceTicket(answer.ticketNumber());
        if (existing.isPresent()) {
            return new Drafted(existing.get(), false);
        }
        try {
            return new Drafted(service.draft(content(answer), staff, answer.ticketNumber()), true);
        } catch (DataIntegrityViolationException sameTicketAtTheSameTime) {
            return new Drafted(articles.findBySourceTicket(answer.ticketNumber())
                    .orElseThrow(() -> sameTicketAtTheSameTime), false);
        }
    }

    /** Which of these tickets already have a draft: ticket number to article id. */
    public Map<String, String> draftsOf(Collection<String> ticketNumbers) {
        if (ticketNumbers.isEmpty()) {
            return Map.of();
        }
        return articles.findBySourceTicketIn(ticketNumbers).stream()
                .collect(Collectors.toMap(FaqArticle::sourceTicket, FaqArticle::id));
    }

    /**
     * Citations the knowledge base recognises become statute links (so a later amendment flags the
     * article); any it cannot read stay visible at the end of the answer for the reviewer.
     */
    private static FaqContent content(AnsweredQuestions.ReusableAnswer answer) {
        List<StatuteRef> links = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (String citation : answer.citedArticles()) {
            StatuteRef.parse(citation).ifPresentOrElse(links::add, () -> unread.add(citation));
        }
        String text = unread.isEmpty() ? answer.answer() : answer.answer() + "\n\n引用法条：" + String.join("；", unread);
        return new FaqContent(TextRules.firstCharacters(answer.question(), FaqContent.MAX_QUESTION), text,
                answer.category().chineseName(), links);
    }
}
