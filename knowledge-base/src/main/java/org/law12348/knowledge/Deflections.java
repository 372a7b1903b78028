package org.law12348.knowledge;

import org.law12348.knowledge.internal.DeflectionCounts;
import org.law12348.knowledge.internal.FaqArticles;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.internal.TextRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

/** "This solved my problem": records deflections (no ticket created) and reports their rate. */
@Service
public class Deflections {

    private static final int MAX_QUERY = 200;

    private final FaqArticles articles;
    private final JdbcTemplate jdbc;
    private final DeflectionCounts counts;
    private final Clock clock;

    Deflections(FaqArticles articles, JdbcTemplate jdbc, DeflectionCounts counts, Clock clock) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.counts = counts;
        this.clock = clock;
    }

    /** Records that a published article answered the citizen's question. */
    @Transactional
    public void record(String articleId, String query) {
        if (articleId == null || articleId.isBlank() || articleId.length() > 64) {
            throw new InvalidInputException("articleId", "articleId.required", "请提供解决了问题的文章编号");
        }
        // PostgreSQL refuses U+0000 even in a query parameter; no article id carries a control character
        if (TextRules.hasControlCharacters(articleId, false)) {
            throw new ArticleNotFoundException(articleId.strip());
        }
        if (!articles.isPublished(articleId.strip())) {
            throw new ArticleNotFoundException(articleId.strip());
        }
        String q = KnowledgeText.oneLine(query);
        if (q != null && q.isEmpty()) {
            q = null;
        }
        if (q != null && q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        jdbc.update("insert into kb_deflection (article_id, query, created_at) values (?, ?, ?)",
                articleId.strip(), q, Timestamp.from(clock.instant()));
    }

    /** Deflections and searches from the start of {@code from} to the end of {@code to}, in the configured zone. */
    public DeflectionStats stats(LocalDate from, LocalDate to, StaffMember staff) {
        KnowledgeAccess.requireStaff(staff);
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "to.beforeFrom", "结束日期不能早于开始日期");
        }
        return counts.between(from, to);
    }
}
