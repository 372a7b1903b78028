package org.law12348.knowledge.internal.lucene;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.law12348.ticketing.TextRules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The published FAQ questions' vectors in a Lucene HNSW graph ({@link KnnFloatVectorField}), in memory:
 * it is derived from the vectors stored in the tables, so each node rebuilds it at start without
 * computing a vector again, whichever backend serves the words. 7,485 vectors take about 15 MB.
 * Unit vectors, dot-product similarity (= cosine).
 */
public final class LuceneVectorIndex implements AutoCloseable {

    /** A published FAQ with the vector of its question. */
    public record Entry(String id, String question, String category, String answer, float[] vector) {
    }

    /** One nearest FAQ: what a hit shows, and the cosine similarity to the query. */
    public record Neighbour(String id, String title, String category, String answerStart, float similarity) {
    }

    private static final String ID = "id";
    private static final String TITLE = "title";
    private static final String CATEGORY = "category";
    private static final String ANSWER_START = "answer";
    private static final String VECTOR = "vector";
    private static final int ANSWER_START_LENGTH = 160;

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public LuceneVectorIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()).setRAMBufferSizeMB(32));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces these FAQs (those without a vector are removed). */
    public void put(Collection<Entry> faqs) {
        try {
            for (Entry faq : faqs) {
                if (faq.vector() == null) {
                    writer.deleteDocuments(new Term(ID, faq.id()));
                } else {
                    writer.updateDocument(new Term(ID, faq.id()), document(faq));
                }
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(Collection<String> ids) {
        try {
            writer.deleteDocuments(ids.stream().map(id -> new Term(ID, id)).toArray(Term[]::new));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code k} FAQs nearest to the vector, in the category when one is given, nearest first. */
    public List<Neighbour> nearest(float[] vector, int k, String category) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                KnnFloatVectorQuery query = category == null ? new KnnFloatVectorQuery(VECTOR, vector, k)
                        : new KnnFloatVectorQuery(VECTOR, vector, k, new TermQuery(new Term(CATEGORY, category)));
                TopDocs top = searcher.search(query, k);
                List<Neighbour> out = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc sd : top.scoreDocs) {
                    Document doc = searcher.storedFields().document(sd.doc);
                    // Lucene scores DOT_PRODUCT as (1 + cosine) / 2 for unit vectors
                    out.add(new Neighbour(doc.get(ID), doc.get(TITLE), doc.get(CATEGORY), doc.get(ANSWER_START),
                            2 * sd.score - 1));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(Entry faq) {
        Document d = new Document();
        d.add(new StringField(ID, faq.id(), Field.Store.YES));
        d.add(new StoredField(TITLE, faq.question()));
        d.add(new StringField(CATEGORY, faq.category(), Field.Store.YES));
        String answer = faq.answer() == null ? "" : faq.answer();
        String start = TextRules.firstCharacters(answer, ANSWER_START_LENGTH);
        d.add(new StoredField(ANSWER_START, start.length() < answer.length() ? start + "…" : start));
        d.add(new KnnFloatVectorField(VECTOR, faq.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }
}
