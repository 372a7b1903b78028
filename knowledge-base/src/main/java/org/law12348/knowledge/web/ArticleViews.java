package org.law12348.knowledge.web;

import org.law12348.knowledge.ArticleStatus;
import org.law12348.knowledge.FaqArticle;
import org.law12348.knowledge.FaqRevision;
import org.law12348.knowledge.Statute;
import org.law12348.knowledge.StatuteRef;

import java.time.Instant;
import java.util.List;

/** JSON shapes of articles and statutes. */
final class ArticleViews {

    private ArticleViews() {
    }

    /** What staff see: everything including status, author (username and name) and the review flag. */
    record ArticleView(String id, String question, String answer, String category, List<String> laws,
                       String status, String statusLabel, String author, String authorName, int revision,
                       boolean imported,
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

    /** One version of an article's history, with its editor's name beside the username. */
    record RevisionView(String articleId, int revision, String question, String answer, String category,
                        List<String> citations, ArticleStatus status, String editor, String editorName,
                        Instant editedAt) {
    }

    static ArticleView staff(FaqArticle a, StaffNames.Lookup names) {
        return new ArticleView(a.id(), a.question(), a.answer(), a.category(), laws(a), a.status().name(),
                a.status().label(), a.author(), names.of(a.author()), a.revision(), a.imported(), a.needsReview(), a.reviewReason(),
                a.createdAt(), a.updatedAt(), a.publishedAt(), a.sourceTicket());
    }

    static RevisionView revision(FaqRevision r, StaffNames.Lookup names) {
        return new RevisionView(r.articleId(), r.revision(), r.question(), r.answer(), r.category(), r.citations(),
                r.status(), r.editor(), names.of(r.editor()), r.editedAt());
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
