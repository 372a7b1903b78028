package org.law12348.knowledge.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.law12348.knowledge.ImportReport;
import org.law12348.knowledge.KnowledgeChanged;
import org.law12348.knowledge.KnowledgeText;
import org.law12348.knowledge.StatuteRef;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports statute articles from JSON Lines ({@code id, law, article, text, version, chapter}), the
 * format of the shipped statutes file. An article is identified by law and article number; when its
 * text changes, every FAQ article citing it is flagged for review.
 */
@Component
public class StatuteImporter {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    record Line(int lineNo, String id, StatuteRef ref, String law, String chapter, String text, String version) {
    }

    private record Existing(String id, String text) {
    }

    private final ObjectMapper json;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatuteImporter(ObjectMapper json, NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events,
                    Clock clock) {
        this.json = json;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importStatutes(InputStream in) {
        JsonLines.Parsed<Line> parsed = JsonLines.read(in, json, StatuteImporter::map);
        Map<String, Line> byKey = new LinkedHashMap<>();
        parsed.records().forEach(l -> byKey.put(l.ref().key(), l));
        Map<String, Existing> existing = new HashMap<>();
        jdbc.query("select id, statute_key, text from kb_statute", rs -> {
            existing.put(rs.getString("statute_key"), new Existing(rs.getString("id"), rs.getString("text")));
        });
        Set<String> takenIds = new HashSet<>();
        existing.values().forEach(e -> takenIds.add(e.id()));
        Timestamp now = Timestamp.from(clock.instant());
        List<Map<String, Object>> inserts = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        List<ImportReport.LineError> errors = new ArrayList<>(parsed.errors());
        for (Line line : byKey.values()) {
            Existing old = existing.get(line.ref().key());
            if (old == null) {
                if (!takenIds.add(line.id())) {
                    errors.add(new ImportReport.LineError(line.lineNo(), "id", "id " + line.id() + " 已被其他法条使用"));
                    continue;
                }
                inserts.add(row(line.id(), line, now));
            } else if (!old.text().equals(line.text())) {
                updates.add(row(old.id(), line, now));
            }
        }
        jdbc.batchUpdate("insert into kb_statute (id, law, article, statute_key, chapter, text, version_label, "
                + "updated_at) values (:id, :law, :article, :key, :chapter, :text, :version, :at)",
                inserts.toArray(Map[]::new));
        jdbc.batchUpdate("update kb_statute set text = :text, version_label = :version, chapter = :chapter, "
                + "updated_at = :at where id = :id", updates.toArray(Map[]::new));
        int flagged = flagCitingArticles(updates, now);
        Set<String> changed = new HashSet<>();
        inserts.forEach(r -> changed.add((String) r.get("id")));
        updates.forEach(r -> changed.add((String) r.get("id")));
        events.publishEvent(new KnowledgeChanged(Set.of(), changed));
        int unchanged = byKey.size() - inserts.size() - updates.size() - (errors.size() - parsed.errors().size());
        return new ImportReport(parsed.lines(), inserts.size(), updates.size(), unchanged, flagged, errors);
    }

    private int flagCitingArticles(List<Map<String, Object>> updates, Timestamp now) {
        int flagged = 0;
        for (Map<String, Object> statute : updates) {
            String reason = "引用的法条 " + StatuteRef.ofKey((String) statute.get("key")).display()
                    + " 已更新（" + (statute.get("version") == null ? "新版本" : statute.get("version")) + "），请复核";
            flagged += jdbc.update("update kb_faq_article set needs_review = true, review_reason = :reason, "
                    + "version = version + 1, updated_at = :at where status <> 'ARCHIVED' and id in "
                    + "(select article_id from kb_faq_citation where statute_key = :key)",
                    Map.of("reason", reason, "at", now, "key", statute.get("key")));
        }
        return flagged;
    }

    private static Map<String, Object> row(String id, Line line, Timestamp at) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("law", line.law());
        row.put("article", line.ref().article());
        row.put("key", line.ref().key());
        row.put("chapter", line.chapter());
        row.put("text", line.text());
        row.put("version", line.version());
        row.put("at", at);
        return row;
    }

    private static Line map(JsonNode node, int lineNo) {
        String id = JsonLines.text(node, "id");
        if (id == null || !ID.matcher(id.strip()).matches()) {
            throw new InvalidInputException("id", "id.invalid", "id 必须是1到64位的字母、数字或 _ . : -");
        }
        // the same normalisation as FAQ content and queries (KnowledgeText): paragraphs keep their breaks
        String law = KnowledgeText.oneLine(JsonLines.text(node, "law"));
        String article = KnowledgeText.oneLine(JsonLines.text(node, "article"));
        String text = KnowledgeText.multiLine(JsonLines.text(node, "text"));
        if (law == null || law.isBlank() || law.strip().length() > 100) {
            throw new InvalidInputException("law", "law.required", "法律名称不能为空且不超过100字");
        }
        if (article == null || !article.strip().matches("第[零〇一二三四五六七八九十百千0-9]+条(之[一二三四五六七八九十]+)?")) {
            throw new InvalidInputException("article", "article.invalid", "条号应写成“第某条”的形式");
        }
        if (text == null || text.isBlank() || text.length() > 8000) {
            throw new InvalidInputException("text", "text.invalid", "条文内容不能为空且不超过8000字");
        }
        String version = JsonLines.text(node, "version");
        String chapter = JsonLines.text(node, "chapter");
        return new Line(lineNo, id.strip(), new StatuteRef(law, article), law.strip(),
                chapter == null ? null : TextRules.clip(chapter.strip()),
                text.strip(), version == null || version.isBlank() ? null
                : version.strip().substring(0, Math.min(20, version.strip().length())));
    }
}
