package org.law12348.knowledge.internal;

import org.law12348.knowledge.ArticleStatus;
import org.law12348.knowledge.FaqArticle;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The FAQ articles. Bulk imports bypass this repository (see {@code FaqImporter}). */
public interface FaqArticles extends JpaRepository<FaqArticle, String> {

    List<FaqArticle> findByStatusOrderByUpdatedAtDesc(ArticleStatus status, Pageable page);

    List<FaqArticle> findByNeedsReviewTrueOrderByUpdatedAtAsc(Pageable page);

    /** Articles in the state whose question, answer, category or id hold the lower-case LIKE pattern. */
    @Query("select a from FaqArticle a where a.status = :status and (lower(a.question) like :pattern escape '\\'"
            + " or lower(a.answer) like :pattern escape '\\' or lower(a.category) like :pattern escape '\\'"
            + " or lower(a.id) like :pattern escape '\\') order by a.updatedAt desc")
    List<FaqArticle> search(ArticleStatus status, String pattern, Pageable page);

    long countByStatus(ArticleStatus status);

    Optional<FaqArticle> findBySourceTicket(String ticketNumber);

    List<FaqArticle> findBySourceTicketIn(Collection<String> ticketNumbers);

    @Query("select count(a) > 0 from FaqArticle a where a.id = :id and a.status = org.law12348.knowledge.ArticleStatus.PUBLISHED")
    boolean isPublished(String id);
}
