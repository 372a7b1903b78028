package org.law12348.knowledge.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.law12348.knowledge.FaqContent;
import org.law12348.knowledge.ImportReport;
import org.law12348.knowledge.KnowledgeChanged;
import org.law12348.knowledge.StatuteRef;
import org.law12348.ticketing.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Imports FAQ articles from JSON Lines ({@code id, question, answer, category, laws}) as published.
 * An id seen before updates that article (a new revision when the content changed), so re-importing
 * never duplicates. All writes are JDBC batches in one transaction, indexed in one batch after commit.
 */
@Component
public class FaqImporter {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    /** One good line: the article id and its content. */
    record ImportedFaq(String id, FaqContent content) {
    }

    private final ObjectMapper json;
    private final FaqTable table;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FaqImporter(ObjectMapper json, FaqTable table, ApplicationEventPublisher events, Clock clock) {
        this.json = json;
        this.table = table;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importFaqs(InputStream in, String importer) {
        JsonLines.Parsed<ImportedFaq> parsed = JsonLines.read(in, json, FaqImporter::map);
        Map<String, ImportedFaq> byId = new LinkedHashMap<>();
        parsed.records().forEach(r -> byId.put(r.id(), r));
        Map<String, FaqTable.Stored> existing = table.find(byId.keySet());
        Instant now = clock.instant();
        List<ImportedFaq> created = byId.values().stream().filter(r -> !existing.containsKey(r.id())).toList();
        List<ImportedFaq> updated = byId.values().stream()
                .filter(r -> existing.containsKey(r.id()) && existing.get(r.id()).differsFrom(r.content()))
                .toList();
        table.insert(created, importer, now);
        table.update(updated, existing, importer, now);
        List<String> changed = new java.util.ArrayList<>(created.stream().map(ImportedFaq::id).toList());
        updated.forEach(r -> changed.add(r.id()));
        existing.forEach((id, stored) -> {
            if (!stored.published()) {
                changed.add(id);
            }
        });
        table.publishAll(existing.keySet(), now);
        events.publishEvent(KnowledgeChanged.faqs(changed));
        int unchanged = byId.size() - created.size() - updated.size();
        return new ImportReport(parsed.lines(), created.size(), updated.size(), unchanged, 0, parsed.errors());
    }

    private static ImportedFaq map(JsonNode node, int line) {
        String id = JsonLines.text(node, "id");
        if (id == null || !ID.matcher(id.strip()).matches()) {
            throw new InvalidInputException("id", "id.invalid", "id 必须是1到64位的字母、数字或 _ . : -");
        }
        List<StatuteRef> refs = JsonLines.texts(node, "laws").stream()
                .map(StatuteRef::parse).flatMap(Optional::stream).toList();
        FaqContent content = new FaqContent(JsonLines.text(node, "question"), JsonLines.text(node, "answer"),
                JsonLines.text(node, "category"), refs);
        return new ImportedFaq(id.strip(), content);
    }
}
