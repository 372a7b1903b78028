package org.law12348.knowledge.internal.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.SearchDocument;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchQuery;
import org.law12348.knowledge.Suggestion;
import org.law12348.knowledge.internal.KnowledgePinyin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The embedded search backend: one Lucene index on local disk. Writes are committed and the
 * searcher refreshed before a write call returns; a rebuild is one commit, so readers see either
 * the old or the new content, never an empty index.
 */
public final class LuceneKnowledgeSearch implements KnowledgeSearch {

    private static final Logger log = LoggerFactory.getLogger(LuceneKnowledgeSearch.class);
    private static final int PARALLEL_FROM = 200;
    /** Offsets in the postings let the highlighter skip re-analysing long answers on every search. */
    private static final FieldType BODY_TYPE = bodyType();
    /**
     * The layout of the fields and analysis, recorded in the commit that a rebuild makes. Raise it with
     * every change to them: start-up then rebuilds an index an older version built.
     */
    private static final String LAYOUT = "2"; // 2: the question's pinyin (title_py)
    private static final String LAYOUT_KEY = "layout";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LuceneQueries queries;
    private final Object writeLock = new Object();

    private LuceneKnowledgeSearch(Directory directory) throws IOException {
        this.directory = directory;
        boolean fresh = !DirectoryReader.indexExists(directory);
        Analyzer indexAnalyzer = ChineseAnalyzers.forIndex();
        this.writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64));
        if (fresh) {
            // an empty index has nothing of an older layout in it
            recordCurrentLayout();
            writer.commit();
        }
        this.searchers = new SearcherManager(writer, null);
        this.queries = new LuceneQueries(ChineseAnalyzers.forQuery(), indexAnalyzer);
    }

    /** Opens (or creates) the index in the given directory. */
    public static LuceneKnowledgeSearch open(Path dir) {
        try {
            Files.createDirectories(dir);
            log.info("Knowledge base Lucene index at {}", dir.toAbsolutePath());
            return new LuceneKnowledgeSearch(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the knowledge-base index at " + dir, e);
        }
    }

    /** A throw-away index in memory, e.g. to rank a few documents once with the same analysis. */
    public static LuceneKnowledgeSearch inMemory() {
        return over(new ByteBuffersDirectory());
    }

    /** An index over any Lucene directory (tests use an in-memory one). */
    public static LuceneKnowledgeSearch over(Directory directory) {
        try {
            return new LuceneKnowledgeSearch(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void index(Collection<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        write(() -> {
            if (documents.size() < PARALLEL_FROM) {
                for (SearchDocument doc : documents) {
                    update(doc);
                }
            } else {
                // smartcn dominates bulk indexing and IndexWriter is thread-safe: use every core
                documents.parallelStream().forEach(this::updateUnchecked);
            }
        });
    }

    @Override
    public void remove(DocumentType type, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        write(() -> writer.deleteDocuments(ids.stream()
                .map(id -> new Term(LuceneFields.KEY, type.code() + ":" + id)).toArray(Term[]::new)));
    }

    @Override
    public void rebuild(Stream<SearchDocument> documents) {
        write(() -> {
            writer.deleteAll();
            documents.parallel().forEach(this::updateUnchecked);
            recordCurrentLayout();
        });
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        return withSearcher(searcher -> queries.search(searcher, query));
    }

    @Override
    public List<Suggestion> suggest(String typed, int limit) {
        return withSearcher(searcher -> queries.suggest(searcher, typed, limit));
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public boolean builtWithCurrentLayout() {
        synchronized (writeLock) {
            for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
                if (LAYOUT_KEY.equals(entry.getKey())) {
                    return LAYOUT.equals(entry.getValue());
                }
            }
            return false;
        }
    }

    @Override
    public String backendName() {
        return "lucene";
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            log.warn("Closing the knowledge-base index failed: {}", e.toString());
        }
    }

    /** Makes the next commit record this version's layout (only what holds no older document may). */
    private void recordCurrentLayout() {
        writer.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT).entrySet());
    }

    private void update(SearchDocument doc) throws IOException {
        writer.updateDocument(new Term(LuceneFields.KEY, doc.key()), toLucene(doc));
    }

    private void updateUnchecked(SearchDocument doc) {
        try {
            update(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface IndexWork {
        void run() throws IOException;
    }

    private interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private void write(IndexWork work) {
        synchronized (writeLock) {
            try {
                work.run();
                writer.commit();
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                // the index is derived from the database: the start-up check rebuilds it if it drifted
                throw new UncheckedIOException(e);
            }
        }
    }

    private <T> T withSearcher(SearchWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static Document toLucene(SearchDocument doc) {
        Document d = new Document();
        d.add(new StringField(LuceneFields.KEY, doc.key(), Field.Store.NO));
        d.add(new StringField(LuceneFields.ID, doc.id(), Field.Store.YES));
        d.add(new StringField(LuceneFields.TYPE, doc.type().code(), Field.Store.YES));
        if (doc.category() != null) {
            d.add(new StringField(LuceneFields.CATEGORY, doc.category(), Field.Store.YES));
        }
        d.add(new TextField(LuceneFields.TITLE, doc.title(), Field.Store.YES));
        d.add(new TextField(LuceneFields.TITLE + ChineseAnalyzers.CJK_SUFFIX, doc.title(), Field.Store.NO));
        d.add(new Field(LuceneFields.BODY, doc.body(), BODY_TYPE));
        d.add(new TextField(LuceneFields.TITLE_PINYIN, KnowledgePinyin.text(doc.title()), Field.Store.NO));
        return d;
    }
}
