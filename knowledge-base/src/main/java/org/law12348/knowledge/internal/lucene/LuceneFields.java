package org.law12348.knowledge.internal.lucene;

/** Field names of the Lucene index. */
final class LuceneFields {

    static final String KEY = "key";
    static final String ID = "id";
    static final String TYPE = "type";
    static final String CATEGORY = "category";
    static final String TITLE = "title";
    static final String BODY = "body";
    /** The question's pinyin tokens (KnowledgePinyin), split on spaces. */
    static final String TITLE_PINYIN = "title_py";

    private LuceneFields() {
    }
}
