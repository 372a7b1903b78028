package org.law12348.knowledge.internal.lucene;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.KnowledgeSearchContract;

class LuceneKnowledgeSearchTest extends KnowledgeSearchContract {

    @Override
    protected KnowledgeSearch newEmptySearch() {
        return LuceneKnowledgeSearch.over(new ByteBuffersDirectory());
    }
}
