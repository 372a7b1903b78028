package org.law12348.knowledge.internal;

import org.law12348.knowledge.ArticleStatus;
import org.law12348.knowledge.FaqContent;
import org.law12348.knowledge.StatuteRef;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Batch JDBC access to the FAQ tables for bulk imports. */
@Component
class FaqTable {

    private static final int CHUNK = 500;

    /** What an imported article looks like in the table now. */
    record Stored(int revision, String question, String answer, String category, List<String> citations,
                  boolean published) {
        boolean differsFrom(FaqContent content) {
            return !question.equals(content.question()) || !answer.equals(content.answer())
                    || !category.equals(content.category())
                    || !citations.equals(content.citations().stream().map(StatuteRef::key).toList());
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    FaqTable(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Stored> find(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        Map<String, List<String>> citations = new HashMap<>();
        Map<String, Stored> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            Map<String, Object> params = Map.of("ids", all.subList(from, Math.min(all.size(), from + CHUNK)));
            jdbc.query("select article_id, statute_key from kb_faq_citation where article_id in (:ids) "
                    + "order by article_id, position", params, rs -> {
                citations.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
            jdbc.query("select id, revision, question, answer, category, status from kb_faq_article "
                    + "where id in (:ids)", params, rs -> {
                String id = rs.getString("id");
                found.put(id, new Stored(rs.getInt("revision"), rs.getString("question"), rs.getString("answer"),
                        rs.getString("category"), citations.getOrDefault(id, List.of()),
                        ArticleStatus.PUBLISHED.name().equals(rs.getString("status"))));
            });
        }
        return found;
    }

    void insert(List<FaqImporter.ImportedFaq> faqs, String importer, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("insert into kb_faq_article (id, version, revision, question, answer, category, status, "
                        + "author, imported, needs_review, created_at, updated_at, published_at) values (:id, 0, 1, "
                        + ":question, :answer, :category, 'PUBLISHED', :author, true, false, :at, :at, :at)",
                faqs.stream().map(f -> content(f, 1, importer, at)).toArray(Map[]::new));
        writeCitationsAndRevisions(faqs, Map.of(), importer, at);
    }

    void update(List<FaqImporter.ImportedFaq> faqs, Map<String, Stored> existing, String importer, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("update kb_faq_article set version = version + 1, revision = :revision, "
                        + "question = :question, answer = :answer, category = :category, imported = true, "
                        + "updated_at = :at where id = :id",
                faqs.stream().map(f -> content(f, existing.get(f.id()).revision() + 1, importer, at))
                        .toArray(Map[]::new));
        List<String> ids = faqs.stream().map(FaqImporter.ImportedFaq::id).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.update("delete from kb_faq_citation where article_id in (:ids)",
                    Map.of("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))));
        }
        writeCitationsAndRevisions(faqs, existing, importer, at);
    }

    /** Imported articles are published, whatever they were before (archived ones come back). */
    void publishAll(Collection<String> ids, Instant now) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.update("update kb_faq_article set status = 'PUBLISHED', version = version + 1, "
                    + "published_at = :at, updated_at = :at where id in (:ids) and status <> 'PUBLISHED'",
                    Map.of("ids", all.subList(from, Math.min(all.size(), from + CHUNK)),
                            "at", Timestamp.from(now)));
        }
    }

    private void writeCitationsAndRevisions(List<FaqImporter.ImportedFaq> faqs, Map<String, Stored> existing,
                                            String importer, Timestamp at) {
        List<Map<String, Object>> citations = new ArrayList<>();
        for (FaqImporter.ImportedFaq f : faqs) {
            List<StatuteRef> refs = f.content().citations();
            for (int i = 0; i < refs.size(); i++) {
                citations.add(Map.of("id", f.id(), "position", i, "key", refs.get(i).key()));
            }
        }
        jdbc.batchUpdate("insert into kb_faq_citation (article_id, position, statute_key) values (:id, :position, :key)",
                citations.toArray(Map[]::new));
        jdbc.batchUpdate("insert into kb_faq_revision (article_id, revision, question, answer, category, citations, "
                        + "status, editor, edited_at) values (:id, :revision, :question, :answer, :category, "
                        + ":citations, 'PUBLISHED', :author, :at)",
                faqs.stream().map(f -> content(f, existing.containsKey(f.id())
                        ? existing.get(f.id()).revision() + 1 : 1, importer, at)).toArray(Map[]::new));
    }

    private static Map<String, Object> content(FaqImporter.ImportedFaq f, int revision, String author, Timestamp at) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", f.id());
        row.put("revision", revision);
        row.put("question", f.content().question());
        row.put("answer", f.content().answer());
        row.put("category", f.content().category());
        row.put("author", author);
        row.put("at", at);
        row.put("citations", Revisions.joined(f.content().citations().stream().map(StatuteRef::key).toList()));
        return row;
    }
}
