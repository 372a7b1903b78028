package org.law12348.knowledge.internal.lucene;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.KnowledgeSearchContract;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LuceneKnowledgeSearchTest extends KnowledgeSearchContract {

    @Override
    protected KnowledgeSearch newEmptySearch() {
        return LuceneKnowledgeSearch.over(new ByteBuffersDirectory());
    }

    @Test
    void anIndexAnOlderVersionBuiltIsOutdatedUntilRebuilt(@TempDir Path dir) throws IOException {
        // what versions before the layout record left on disk: documents, and a commit without a layout
        try (IndexWriter older = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
            older.commit();
        }
        try (KnowledgeSearch opened = LuceneKnowledgeSearch.open(dir)) {
            assertThat(opened.builtWithCurrentLayout()).isFalse();
            opened.index(FIXTURES);
            assertThat(opened.builtWithCurrentLayout()).as("adding documents does not make the rest current").isFalse();
            opened.rebuild(FIXTURES.stream());
            assertThat(opened.builtWithCurrentLayout()).isTrue();
        }
        try (KnowledgeSearch reopened = LuceneKnowledgeSearch.open(dir)) {
            assertThat(reopened.builtWithCurrentLayout()).isTrue();
            assertThat(reopened.count()).isEqualTo(FIXTURES.size());
        }
    }
}
