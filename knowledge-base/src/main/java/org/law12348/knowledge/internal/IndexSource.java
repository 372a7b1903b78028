package org.law12348.knowledge.internal;

import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.SearchDocument;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads what the search index must hold straight from the tables, in chunks. */
@Component
public class IndexSource {

    private static final int CHUNK = 500;
    private static final String FAQS = "select id, question, answer, category from kb_faq_article "
            + "where status = 'PUBLISHED'";
    private static final String STATUTES = "select id, law, article, text from kb_statute";
    private static final RowMapper<SearchDocument> FAQ = (rs, n) -> new SearchDocument(rs.getString("id"),
            DocumentType.FAQ, rs.getString("question"), rs.getString("answer"), rs.getString("category"));
    private static final RowMapper<SearchDocument> STATUTE = (rs, n) -> SearchDocument.statute(rs.getString("id"),
            rs.getString("law"), rs.getString("article"), rs.getString("text"));

    private final NamedParameterJdbcTemplate jdbc;

    IndexSource(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The published ones among these FAQ ids. */
    public List<SearchDocument> publishedFaqs(Collection<String> ids) {
        return chunked(FAQS + " and id in (:ids)", ids, FAQ);
    }

    public List<SearchDocument> statutes(Collection<String> ids) {
        return chunked(STATUTES + " where id in (:ids)", ids, STATUTE);
    }

    /** Everything the index should hold. */
    public List<SearchDocument> all() {
        List<SearchDocument> all = new ArrayList<>(jdbc.query(FAQS, FAQ));
        all.addAll(jdbc.query(STATUTES, STATUTE));
        return all;
    }

    public long expectedCount() {
        Long faqs = jdbc.getJdbcTemplate().queryForObject(
                "select count(*) from kb_faq_article where status = 'PUBLISHED'", Long.class);
        Long statutes = jdbc.getJdbcTemplate().queryForObject("select count(*) from kb_statute", Long.class);
        return (faqs == null ? 0 : faqs) + (statutes == null ? 0 : statutes);
    }

    private List<SearchDocument> chunked(String sql, Collection<String> ids, RowMapper<SearchDocument> mapper) {
        List<String> all = List.copyOf(ids);
        List<SearchDocument> out = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            out.addAll(jdbc.query(sql, Map.of("ids", chunk), mapper));
        }
        return out;
    }
}
