package org.law12348.knowledge.web;

import org.law12348.knowledge.FaqArticle;
import org.law12348.knowledge.Statute;
import org.law12348.knowledge.StatuteRef;

import java.time.Instant;
import java.util.List;

/** JSON shapes of articles and statutes. */
final class ArticleViews {

    private ArticleViews() {
    }

    /** What staff see: everything including status, author and the review flag. */
    record ArticleView(String id, String question, String answer, String category, List<String> laws,
                       String status, String statusLabel, String author, int revision, boolean imported,
                       boolean needsReview, String reviewReason, Instant createdAt, Instant updatedAt,
                       Instant publishedAt, String sourceTicket) {
    }

    /** What citizens see of a published article. */
    record PublicArticleView(String id, String question, String answer, String category, List<String> laws,
                             Instant updatedAt) {
    }

    record StatuteView(String id, String law, String article, String citation, String chapter, String text,
                       String version) {
    }

    static ArticleView staff(FaqArticle a) {
        return new ArticleView(a.id(), a.question(), a.answer(), a.category(), laws(a), a.status().name(),
                a.status().label(), a.author(), a.revision(), a.imported(), a.needsReview(), a.reviewReason(),
                a.createdAt(), a.updatedAt(), a.publishedAt(), a.sourceTicket());
    }

    static PublicArticleView citizen(FaqArticle a) {
        return new PublicArticleView(a.id(), a.question(), a.answer(), a.category(), laws(a), a.updatedAt());
    }

    static StatuteView statute(Statute s) {
        return new StatuteView(s.id(), s.law(), s.article(), s.ref().display(), s.chapter(), s.text(),
                s.versionLabel());
    }

    private static List<String> laws(FaqArticle a) {
        return a.citations().stream().map(StatuteRef::display).toList();
    }
}
