package org.law12348.knowledge.internal;

import org.law12348.knowledge.ImportReport;
import org.law12348.knowledge.KnowledgeImport;
import org.law12348.knowledge.KnowledgeProperties;
import org.law12348.knowledge.internal.semantic.SemanticSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * At start-up: loads the shipped statutes and demo FAQ articles into an empty knowledge base
 * ({@code law12348.knowledge.load-demo-content}), runs the command-line imports
 * ({@code --kb.import-statutes=file.jsonl}, {@code --kb.import=file.jsonl}), then makes sure the
 * search index holds what the tables hold, rebuilding it when it does not, and builds the semantic
 * index (in the background when it is large, see {@link SemanticSearch}).
 */
@Component
@Order(100)
class KnowledgeStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeStartup.class);
    static final String STATUTES = "/org/law12348/knowledge/demo/statutes.jsonl";
    static final String FAQS = "/org/law12348/knowledge/demo/faqs.jsonl";
    static final String IMPORT_FAQS = "kb.import";
    static final String IMPORT_STATUTES = "kb.import-statutes";
    private static final String CLI_IMPORTER = "command-line";

    private final KnowledgeProperties properties;
    private final KnowledgeImport imports;
    private final IndexUpdater index;
    private final JdbcTemplate jdbc;
    private final SemanticSearch semantic;

    KnowledgeStartup(KnowledgeProperties properties, KnowledgeImport imports, IndexUpdater index, JdbcTemplate jdbc,
                     SemanticSearch semantic) {
        this.properties = properties;
        this.imports = imports;
        this.index = index;
        this.jdbc = jdbc;
        this.semantic = semantic;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.loadDemoContent() && isEmpty()) {
            log.info("Knowledge base is empty: loading the shipped statutes and demo FAQ articles");
            imports.importStatutesUnchecked(resource(STATUTES));
            imports.importFaqsAs(resource(FAQS), "system");
        }
        for (String file : values(args, IMPORT_STATUTES)) {
            report(file, imports.importStatutesUnchecked(open(file)));
        }
        for (String file : values(args, IMPORT_FAQS)) {
            report(file, imports.importFaqsAs(open(file), CLI_IMPORTER));
        }
        index.rebuildIfStale();
        semantic.start();
    }

    private boolean isEmpty() {
        Long n = jdbc.queryForObject("select (select count(*) from kb_faq_article) + (select count(*) from kb_statute)",
                Long.class);
        return n == null || n == 0;
    }

    private static List<String> values(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null ? List.of() : values;
    }

    private static void report(String file, ImportReport report) {
        log.info("Imported {}: {} created, {} updated, {} unchanged, {} bad lines", file, report.created(),
                report.updated(), report.unchanged(), report.errors().size());
        report.errors().stream().limit(50).forEach(e ->
                log.warn("{} line {}: {} {}", file, e.line(), e.field() == null ? "" : e.field(), e.message()));
    }

    private static InputStream resource(String path) {
        InputStream in = KnowledgeStartup.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing demo content " + path);
        }
        return in;
    }

    private static InputStream open(String file) {
        try {
            return Files.newInputStream(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read knowledge-base import file " + file, e);
        }
    }
}
