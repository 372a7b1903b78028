package org.law12348.knowledge;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An FAQ article. Consultants write drafts, administrators publish and archive; each content change
 * raises {@link #revision()} and is kept in the version history. A new version of a cited statute
 * flags the article for review.
 */
@Entity
@Table(name = "kb_faq_article")
public class FaqArticle {

    @Id
    @Column(length = 64)
    private String id;

    @Version
    private long version;

    @Column(nullable = false)
    private int revision;

    @Column(nullable = false, length = 1000)
    private String question;

    @Column(nullable = false, length = 20000)
    private String answer;

    @Column(nullable = false, length = 64)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ArticleStatus status;

    @Column(nullable = false, length = 64)
    private String author;

    @Column(nullable = false)
    private boolean imported;

    @Column(name = "needs_review", nullable = false)
    private boolean needsReview;

    @Column(name = "review_reason", length = 500)
    private String reviewReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    /** The ticket whose answer this article was drafted from, if any; one article per ticket. */
    @Column(name = "source_ticket", length = 24)
    private String sourceTicket;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "kb_faq_citation", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "statute_key", nullable = false, length = 128)
    private List<String> citations = new ArrayList<>();

    protected FaqArticle() {
    }

    /** A new draft written by a staff member, from a ticket's answer when {@code sourceTicket} is set. */
    public static FaqArticle draft(String id, FaqContent content, String author, String sourceTicket, Instant now) {
        FaqArticle article = new FaqArticle();
        article.id = id;
        article.author = author;
        article.sourceTicket = sourceTicket;
        article.status = ArticleStatus.DRAFT;
        article.createdAt = now;
        article.apply(content, now);
        article.revision = 1;
        return article;
    }

    /** Changes the content; archived articles must be published again before they change. */
    public void revise(FaqContent content, Instant now) {
        if (status == ArticleStatus.ARCHIVED) {
            throw new ArticleStateException(id, status, "已归档的文章不能修改");
        }
        apply(content, now);
        revision++;
    }

    public void publish(Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            throw new ArticleStateException(id, status, "文章已经发布");
        }
        status = ArticleStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    public void archive(Instant now) {
        if (status == ArticleStatus.ARCHIVED) {
            throw new ArticleStateException(id, status, "文章已经归档");
        }
        status = ArticleStatus.ARCHIVED;
        updatedAt = now;
    }

    /** An administrator checked the article against the statutes it cites. */
    public void markReviewed(Instant now) {
        if (!needsReview) {
            throw new ArticleStateException(id, status, "文章不在待复核列表中");
        }
        needsReview = false;
        reviewReason = null;
        updatedAt = now;
    }

    private void apply(FaqContent content, Instant now) {
        question = content.question();
        answer = content.answer();
        category = content.category();
        citations.clear();
        content.citations().forEach(ref -> citations.add(ref.key()));
        updatedAt = now;
    }

    public FaqContent content() {
        return new FaqContent(question, answer, category, citations.stream().map(StatuteRef::ofKey).toList());
    }

    public String id() {
        return id;
    }

    public int revision() {
        return revision;
    }

    public String question() {
        return question;
    }

    public String answer() {
        return answer;
    }

    public String category() {
        return category;
    }

    public ArticleStatus status() {
        return status;
    }

    public String author() {
        return author;
    }

    public String sourceTicket() {
        return sourceTicket;
    }

    public boolean imported() {
        return imported;
    }

    public boolean needsReview() {
        return needsReview;
    }

    public String reviewReason() {
        return reviewReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public List<StatuteRef> citations() {
        return citations.stream().map(StatuteRef::ofKey).toList();
    }
}
