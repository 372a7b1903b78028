package org.law12348.knowledge;

import org.law12348.knowledge.internal.FaqArticles;
import org.law12348.knowledge.internal.Revisions;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.LikePatterns;
import org.law12348.ticketing.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The editorial workflow of FAQ articles: consultants turn answers into drafts, administrators
 * publish, archive and review them. Every content change is kept as a revision; publishing and
 * archiving reach the search index right after the commit.
 */
@Service
public class FaqArticleService {

    private static final int MAX_LIST = 200;
    private static final int MAX_SEARCH = 100;

    private final FaqArticles articles;
    private final Revisions revisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FaqArticleService(FaqArticles articles, Revisions revisions, ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.events = events;
        this.clock = clock;
    }

    /** A consultant (or admin) drafts an article. */
    @Transactional
    public FaqArticle draft(FaqContent content, StaffMember staff) {
        return draft(content, staff, null);
    }

    /**
     * A draft from a ticket's answer ({@link AnswerDrafts}); the database keeps one per ticket, so a
     * second one fails with a {@link org.springframework.dao.DataIntegrityViolationException}.
     */
    @Transactional
    FaqArticle draft(FaqContent content, StaffMember staff, String sourceTicket) {
        KnowledgeAccess.requireAuthor(staff);
        Instant now = clock.instant();
        String id = "kb-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        FaqArticle article = articles.saveAndFlush(FaqArticle.draft(id, content, staff.username(), sourceTicket, now));
        revisions.append(article, staff.username(), now);
        return article;
    }

    @Transactional
    public FaqArticle revise(String id, FaqContent content, StaffMember staff) {
        FaqArticle article = require(id, staff);
        KnowledgeAccess.requireMayRevise(staff, article);
        Instant now = clock.instant();
        article.revise(content, now);
        articles.saveAndFlush(article);
        revisions.append(article, staff.username(), now);
        changed(article);
        return article;
    }

    @Transactional
    public FaqArticle publish(String id, StaffMember staff) {
        KnowledgeAccess.requireAdmin(staff, "发布文章");
        FaqArticle article = require(id, staff);
        article.publish(clock.instant());
        changed(article);
        return article;
    }

    /**
     * Publishes what the administrator sees in the editor: the edits are saved as a new revision and
     * published in one transaction, so publishing never drops them (issue 19) and never half happens.
     */
    @Transactional
    public FaqArticle publish(String id, FaqContent edits, StaffMember staff) {
        KnowledgeAccess.requireAdmin(staff, "发布文章");
        if (edits != null) {
            revise(id, edits, staff);
        }
        return publish(id, staff);
    }

    @Transactional
    public FaqArticle archive(String id, StaffMember staff) {
        KnowledgeAccess.requireAdmin(staff, "归档文章");
        FaqArticle article = require(id, staff);
        article.archive(clock.instant());
        changed(article);
        return article;
    }

    /** Clears the review flag a changed statute set. */
    @Transactional
    public FaqArticle markReviewed(String id, StaffMember staff) {
        KnowledgeAccess.requireAdmin(staff, "复核文章");
        FaqArticle article = require(id, staff);
        article.markReviewed(clock.instant());
        return article;
    }

    /** Staff see every article; everyone else (consultants without a valid certification too) only published ones. */
    @Transactional(readOnly = true)
    public FaqArticle view(String id, StaffMember staffOrNull) {
        FaqArticle article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
        if (!KnowledgeAccess.seesUnpublished(staffOrNull) && article.status() != ArticleStatus.PUBLISHED) {
            throw new ArticleNotFoundException(id);
        }
        return article;
    }

    /**
     * The newest articles in a state; with {@code text}, only those whose question, answer, category or
     * id contain it (any case, {@code %} and {@code _} taken literally), so the administrators' search
     * reaches every article, not only the page loaded.
     */
    @Transactional(readOnly = true)
    public List<FaqArticle> list(ArticleStatus status, String text, int limit, StaffMember staff) {
        KnowledgeAccess.requireStaff(staff);
        PageRequest page = PageRequest.of(0, Math.min(limit, MAX_LIST));
        if (text == null || text.isBlank()) {
            return articles.findByStatusOrderByUpdatedAtDesc(status, page);
        }
        String wanted = text.strip();
        if (wanted.length() > MAX_SEARCH) {
            throw new InvalidInputException("q", "q.length", "查找内容最多" + MAX_SEARCH + "个字");
        }
        return articles.search(status, LikePatterns.containing(wanted.toLowerCase(Locale.ROOT)), page);
    }

    /** Articles whose cited statutes changed, oldest first. */
    @Transactional(readOnly = true)
    public List<FaqArticle> reviewQueue(int limit, StaffMember staff) {
        KnowledgeAccess.requireAdmin(staff, "查看待复核列表");
        return articles.findByNeedsReviewTrueOrderByUpdatedAtAsc(PageRequest.of(0, Math.min(limit, MAX_LIST)));
    }

    @Transactional(readOnly = true)
    public List<FaqRevision> history(String id, StaffMember staff) {
        require(id, staff);
        return revisions.of(id);
    }

    private FaqArticle require(String id, StaffMember staff) {
        KnowledgeAccess.requireStaff(staff);
        return articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    private void changed(FaqArticle article) {
        events.publishEvent(KnowledgeChanged.faqs(List.of(article.id())));
    }
}
