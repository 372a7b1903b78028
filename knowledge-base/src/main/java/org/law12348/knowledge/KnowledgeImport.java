package org.law12348.knowledge;

import org.law12348.knowledge.internal.FaqImporter;
import org.law12348.knowledge.internal.IndexUpdater;
import org.law12348.knowledge.internal.StatuteImporter;
import org.law12348.knowledge.internal.semantic.SemanticSearch;
import org.law12348.ticketing.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.InputStream;

/**
 * Bulk content operations for administrators: importing FAQ articles and statutes from JSON Lines,
 * rebuilding the search index from the tables, and following the semantic index's build.
 */
@Service
public class KnowledgeImport {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeImport.class);

    private final FaqImporter faqs;
    private final StatuteImporter statutes;
    private final IndexUpdater index;
    private final SemanticSearch semantic;

    KnowledgeImport(FaqImporter faqs, StatuteImporter statutes, IndexUpdater index, SemanticSearch semantic) {
        this.faqs = faqs;
        this.statutes = statutes;
        this.index = index;
        this.semantic = semantic;
    }

    /** How far the semantic index is built (administrators). */
    public SemanticIndexStatus semanticIndexStatus(StaffMember staff) {
        KnowledgeAccess.requireAdmin(staff, "查看语义索引状态");
        return semantic.status();
    }

    /** Imports FAQ articles as published; the same ids update instead of duplicating. */
    public ImportReport importFaqs(InputStream jsonLines, StaffMember staff) {
        KnowledgeAccess.requireAdmin(staff, "批量导入知识库");
        return importFaqsAs(jsonLines, staff.username());
    }

    /** The same without a signed-in admin, for the command line and the demo content. */
    public ImportReport importFaqsAs(InputStream jsonLines, String importer) {
        long start = System.nanoTime();
        ImportReport report = faqs.importFaqs(jsonLines, importer);
        log.info("FAQ import by {}: {} created, {} updated, {} unchanged, {} bad lines in {} ms", importer,
                report.created(), report.updated(), report.unchanged(), report.errors().size(),
                (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    /** Imports statute articles; a changed text flags every FAQ article citing it for review. */
    public ImportReport importStatutes(InputStream jsonLines, StaffMember staff) {
        KnowledgeAccess.requireAdmin(staff, "导入法条");
        return importStatutesUnchecked(jsonLines);
    }

    /** The same without a signed-in admin, for the command line and the demo content. */
    public ImportReport importStatutesUnchecked(InputStream jsonLines) {
        ImportReport report = statutes.importStatutes(jsonLines);
        log.info("Statute import: {} new, {} changed, {} unchanged, {} articles flagged, {} bad lines",
                report.created(), report.updated(), report.unchanged(), report.flaggedForReview(),
                report.errors().size());
        return report;
    }

    /** Rebuilds the search index; searches keep answering from the old index meanwhile. */
    public int rebuildIndex(StaffMember staff) {
        KnowledgeAccess.requireAdmin(staff, "重建索引");
        return index.rebuild();
    }
}
