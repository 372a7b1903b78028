package org.law12348.knowledge.internal;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchQuery;
import org.law12348.knowledge.internal.lucene.LuceneKnowledgeSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up's check of the index against the tables, when an older version built the index. */
@SpringBootTest
class OutdatedIndexTest {

    @Autowired
    IndexSource source;

    @Test
    void anIndexAnOlderVersionBuiltIsRebuiltEvenWhenItHoldsAsManyDocuments(@TempDir Path dir) throws IOException {
        // as many documents as the tables hold, so only the recorded layout can tell that it is stale
        try (IndexWriter older = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
            for (long i = 0; i < source.expectedCount(); i++) {
                older.addDocument(new Document());
            }
            older.commit();
        }
        try (KnowledgeSearch search = LuceneKnowledgeSearch.open(dir)) {
            assertThat(search.count()).isEqualTo(source.expectedCount());

            new IndexUpdater(source, search).rebuildIfStale();

            assertThat(search.builtWithCurrentLayout()).isTrue();
            assertThat(search.search(new SearchQuery("没写借条 借钱不还", null, null, 5)))
                    .extracting(SearchHit::id).contains("demo-21");
        }
    }
}
