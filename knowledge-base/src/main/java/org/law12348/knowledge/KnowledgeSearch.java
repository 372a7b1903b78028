package org.law12348.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The search port of the knowledge base. Implementations: embedded Lucene (default) and
 * Elasticsearch; both pass the same contract test.
 *
 * <p>Contract: {@link #index} and {@link #remove} are visible to {@link #search} when they return;
 * a document with the key of an indexed one replaces it; user text is analysed as plain words and
 * never parsed as query syntax, so no input makes a search fail; {@link #rebuild} swaps the whole
 * content at once and searches keep answering from the old content until it is done.
 */
public interface KnowledgeSearch extends AutoCloseable {

    /** Adds or replaces the documents (by {@link SearchDocument#key()}) in one batch. */
    void index(Collection<SearchDocument> documents);

    /** Removes the documents of the given type and ids; unknown ids are ignored. */
    void remove(DocumentType type, Collection<String> ids);

    /** Replaces everything in the index with the given documents. */
    void rebuild(Stream<SearchDocument> documents);

    /** Best hits first; an empty list when nothing matches or the text has no searchable words. */
    List<SearchHit> search(SearchQuery query);

    /** FAQ questions matching what has been typed so far, best first. */
    List<Suggestion> suggest(String typed, int limit);

    /** How many documents the index holds. */
    long count();

    /**
     * Whether the index was built with this version's fields and analysis. An index an older version
     * built may lack what searches read, so start-up rebuilds it from the tables.
     */
    boolean builtWithCurrentLayout();

    /** The name of the backend, for logs and health information. */
    String backendName();

    @Override
    void close();
}
