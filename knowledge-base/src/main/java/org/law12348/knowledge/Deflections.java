package org.law12348.knowledge;

import org.law12348.knowledge.internal.DeflectionCounts;
import org.law12348.knowledge.internal.FaqArticles;
import org.law12348.knowledge.internal.Impressions;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "This solved my problem": records deflections (no ticket created) and reports their rate. */
@Service
public class Deflections {

    private static final Logger log = LoggerFactory.getLogger(Deflections.class);
    private static final int MAX_QUERY = 200;

    private final FaqArticles articles;
    private final JdbcTemplate jdbc;
    private final DeflectionCounts counts;
    private final Impressions impressions;
    private final Clock clock;
    private final ZoneId zone;

    Deflections(FaqArticles articles, JdbcTemplate jdbc, DeflectionCounts counts, Impressions impressions, Clock clock,
                KnowledgeProperties properties) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.counts = counts;
        this.impressions = impressions;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /**
     * Records that a published article answered the question of the citizen at {@code client}, who
     * was shown it by a search ({@code impression}, from the search's answer). Counted once per
     * article, client and day (in the configured zone): more from the same client that day change
     * nothing, so a script cannot inflate the count from one address.
     */
    public void record(String articleId, String query, String impression, String client) {
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
        String article = articleId.strip();
        if (!impressions.proves(impression, article, client)) {
            throw new InvalidInputException("impression", "impression.invalid",
                    "请从检索结果中选择解决了问题的解答（检索结果已过期时请重新检索）");
        }
        Instant now = clock.instant();
        String clientKey = impressions.clientOfDay(client, LocalDate.ofInstant(now, zone));
        try {
            // on its own, outside any transaction: a duplicate fails alone and leaves nothing to roll back
            jdbc.update("insert into kb_deflection (article_id, query, created_at, client_key) values (?, ?, ?, ?)",
                    article, q, Timestamp.from(now), clientKey);
        } catch (DuplicateKeyException alreadyCountedToday) {
            log.debug("Deflection of {} already counted for this client today", article);
        }
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
