package org.law12348.knowledge.internal;

import org.law12348.knowledge.ArticleStatus;
import org.law12348.knowledge.FaqArticle;
import org.law12348.knowledge.FaqRevision;
import org.law12348.knowledge.StatuteRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The append-only version history of FAQ articles. */
@Component
public class Revisions {

    static final String INSERT = "insert into kb_faq_revision (article_id, revision, question, answer, category, "
            + "citations, status, editor, edited_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    Revisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the article's current content as its current revision; the article must be flushed. */
    public void append(FaqArticle article, String editor, Instant at) {
        jdbc.update(INSERT, article.id(), article.revision(), article.question(), article.answer(),
                article.category(), joined(article.citations().stream().map(StatuteRef::key).toList()),
                article.status().name(), editor, Timestamp.from(at));
    }

    public List<FaqRevision> of(String articleId) {
        return jdbc.query("select * from kb_faq_revision where article_id = ? order by revision desc",
                (rs, n) -> new FaqRevision(rs.getString("article_id"), rs.getInt("revision"),
                        rs.getString("question"), rs.getString("answer"), rs.getString("category"),
                        split(rs.getString("citations")), ArticleStatus.valueOf(rs.getString("status")),
                        rs.getString("editor"), rs.getTimestamp("edited_at").toInstant()),
                articleId);
    }

    static String joined(List<String> statuteKeys) {
        return String.join("\n", statuteKeys);
    }

    private static List<String> split(String citations) {
        return citations.isEmpty() ? List.of()
                : Arrays.stream(citations.split("\n")).map(k -> StatuteRef.ofKey(k).display()).toList();
    }
}
