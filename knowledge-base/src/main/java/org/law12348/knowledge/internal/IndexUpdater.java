package org.law12348.knowledge.internal;

import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.KnowledgeChanged;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.SearchDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the search index in step with the tables: after a write commits, the changed articles are
 * read back and indexed in one batch (one commit), and the ones no longer published are removed.
 */
@Component
public class IndexUpdater {

    private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);

    private final IndexSource source;
    private final KnowledgeSearch search;

    IndexUpdater(IndexSource source, KnowledgeSearch search) {
        this.source = source;
        this.search = search;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(KnowledgeChanged changed) {
        long start = System.nanoTime();
        List<SearchDocument> faqs = source.publishedFaqs(changed.faqIds());
        Set<String> gone = new HashSet<>(changed.faqIds());
        faqs.forEach(doc -> gone.remove(doc.id()));
        List<SearchDocument> statutes = source.statutes(changed.statuteIds());
        List<SearchDocument> all = new java.util.ArrayList<>(faqs);
        all.addAll(statutes);
        search.index(all);
        search.remove(DocumentType.FAQ, gone);
        log.info("Search index updated: {} indexed, {} removed in {} ms", all.size(), gone.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Rebuilds the whole index from the tables. */
    public int rebuild() {
        List<SearchDocument> all = source.all();
        search.rebuild(all.stream());
        log.info("Rebuilt the {} knowledge-base index with {} documents", search.backendName(), all.size());
        return all.size();
    }

    /**
     * Rebuilds when the index does not hold what the tables say it should (new node, lost index) or
     * was built by an older version.
     */
    public void rebuildIfStale() {
        if (!search.builtWithCurrentLayout()) {
            log.info("The {} knowledge-base index was built by an older version: rebuilding", search.backendName());
            rebuild();
            return;
        }
        long expected = source.expectedCount();
        long actual = search.count();
        if (expected != actual) {
            log.info("Knowledge-base index holds {} documents, the tables {}: rebuilding", actual, expected);
            rebuild();
        }
    }
}
