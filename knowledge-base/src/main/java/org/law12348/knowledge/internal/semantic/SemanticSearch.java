package org.law12348.knowledge.internal.semantic;

import org.law12348.knowledge.KnowledgeChanged;
import org.law12348.knowledge.KnowledgeProperties;
import org.law12348.knowledge.SemanticIndexStatus;
import org.law12348.knowledge.internal.lucene.LuceneVectorIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The semantic half of the search: the published FAQ questions' vectors in an in-memory HNSW graph,
 * built from the vectors stored in the tables, computing (and storing) the missing ones.
 *
 * <p>All work runs on one background thread, in order, so a build and an edit never race. Start-up
 * never waits for a large build: {@link #start()} builds in the caller's thread only when the work is
 * small ({@code semantic.sync-up-to} FAQs, e.g. the demo content), otherwise in the background while
 * {@link #nearest} answers empty and searches are lexical only; administrators follow the progress
 * ({@link #status()}). After a commit, a few changed FAQs are embedded before the request returns, so
 * an edit is searchable by meaning at once; a bulk import is queued.
 */
@Component
public class SemanticSearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SemanticSearch.class);
    private static final int BATCH = 16;

    private final KnowledgeProperties.Semantic settings;
    private final SentenceEmbedder embedder;
    private final StoredVectors stored;
    private final Clock clock;
    /** Created only when semantic search is on (the Elasticsearch test module has no Lucene 9 at all). */
    private final LuceneVectorIndex index;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kb-semantic-index");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    /** FAQs waiting for their vector or their place in the graph; searches use the graph when none wait. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong embedded = new AtomicLong();
    private volatile boolean built;
    private volatile Instant startedAt;
    private volatile Instant readyAt;
    private volatile String lastError;
    /** The newest change to the FAQ table this node has caught up with ({@link #catchUp}). */
    private volatile Timestamp caughtUpTo;
    /** Why the model cannot run at all here (its native library, its weights): searches stay lexical. */
    private volatile String unusable;

    SemanticSearch(KnowledgeProperties properties, SentenceEmbedder embedder, StoredVectors stored, Clock clock) {
        this.settings = properties.semantic();
        this.embedder = embedder;
        this.stored = stored;
        this.clock = clock;
        this.index = settings.enabled() ? new LuceneVectorIndex() : null;
    }

    /** Builds the graph from the tables: at once when the work is small, else in the background. */
    public void start() {
        if (!settings.enabled()) {
            log.info("Semantic search is off (law12348.knowledge.semantic.enabled=false): searches are lexical only");
            return;
        }
        startedAt = clock.instant();
        caughtUpTo = stored.lastChange();
        List<LuceneVectorIndex.Entry> all = new ArrayList<>();
        stored.eachPublished(all::add);
        published.set(all.size());
        pending.set(all.size());
        Future<?> build = worker.submit(() -> build(all));
        long every = settings.catchUpEvery().toMillis();
        worker.scheduleWithFixedDelay(this::catchUpQuietly, every, every, TimeUnit.MILLISECONDS);
        if (all.size() <= settings.syncUpTo()) {
            await(build);
        } else {
            log.info("Building the semantic index of {} FAQs in the background; searches are lexical until it is done",
                    all.size());
        }
    }

    /** After a commit: the changed FAQs get their vectors; a few before the request returns. */
    @TransactionalEventListener(fallbackExecution = true)
    public void on(KnowledgeChanged changed) {
        if (!settings.enabled() || startedAt == null || changed.faqIds().isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(changed.faqIds());
        // an edit waits for its own vector, never behind a bulk import's backlog
        boolean idle = pending.getAndAdd(ids.size()) == 0;
        Future<?> update = worker.submit(() -> update(ids));
        if (ids.size() <= settings.syncUpTo() && built && idle) {
            await(update);
        }
    }

    /**
     * Brings the graph up to the tables: the FAQs any node changed since the last catch-up are read
     * again (their stored vectors, or computed ones) and put or removed. Every node's own edits reach
     * its graph at once ({@link #on}); this is how an edit made through another node, or a bulk import
     * there, reaches this one — every {@code semantic.catch-up-every}. Runs on the background thread.
     */
    public void catchUp() {
        if (!settings.enabled() || startedAt == null) {
            return;
        }
        await(worker.submit(this::catchUpNow));
    }

    private void catchUpQuietly() {
        try {
            catchUpNow();
        } catch (RuntimeException e) {
            log.warn("Catching the semantic index up with the tables failed: {}", e.toString());
        }
    }

    private void catchUpNow() {
        Timestamp newest = stored.lastChange();
        if (newest == null || newest.equals(caughtUpTo)) {
            return;
        }
        List<String> ids = caughtUpTo == null ? List.of() : stored.changedSince(caughtUpTo);
        caughtUpTo = newest;
        if (!ids.isEmpty()) {
            pending.addAndGet(ids.size());
            update(ids);
        }
    }

    /**
     * The published FAQs nearest in meaning to the text, nearest first, those at least
     * {@code semantic.min-similarity} alike; empty while the graph is not complete (start-up, bulk
     * import) or semantic search is off.
     */
    public Optional<List<LuceneVectorIndex.Neighbour>> nearest(String text, int k, String category) {
        if (!ready()) {
            return Optional.empty();
        }
        float[] vector;
        try {
            vector = embedder.embed(text);
        } catch (RuntimeException e) {
            // the words still answer: a search never fails because the model did
            log.warn("Embedding a query failed; answering by words only: {}", e.toString());
            return Optional.empty();
        }
        return Optional.of(index.nearest(vector, k, category).stream()
                .filter(n -> n.similarity() >= settings.minSimilarity()).toList());
    }

    public boolean ready() {
        return settings.enabled() && built && pending.get() == 0 && unusable == null;
    }

    public SemanticIndexStatus status() {
        String state = !settings.enabled() ? "DISABLED" : unusable != null ? "FAILED"
                : ready() ? "READY" : "BUILDING";
        return new SemanticIndexStatus(state, SentenceEmbedder.MODEL, published.get(), index == null ? 0 : index.size(),
                Math.max(0, pending.get()), embedded.get(), startedAt, readyAt, lastError);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        if (index != null) {
            index.close();
        }
    }

    private void build(List<LuceneVectorIndex.Entry> all) {
        long start = System.nanoTime();
        List<LuceneVectorIndex.Entry> withVectors = new ArrayList<>();
        List<LuceneVectorIndex.Entry> missing = new ArrayList<>();
        all.forEach(f -> (f.vector() == null ? missing : withVectors).add(f));
        index.put(withVectors);
        pending.addAndGet(-withVectors.size());
        embedAndPut(missing);
        built = true;
        readyAt = clock.instant();
        log.info("Semantic index ready: {} FAQs ({} vectors computed) in {} ms", index.size(), missing.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void update(List<String> ids) {
        List<LuceneVectorIndex.Entry> current = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            current.addAll(stored.published(ids.subList(from, Math.min(ids.size(), from + 500))));
        }
        Set<String> gone = new HashSet<>(ids);
        current.forEach(f -> gone.remove(f.id()));
        index.remove(gone);
        pending.addAndGet(-gone.size());
        List<LuceneVectorIndex.Entry> ready = current.stream().filter(f -> f.vector() != null).toList();
        index.put(ready);
        pending.addAndGet(-ready.size());
        embedAndPut(current.stream().filter(f -> f.vector() == null).toList());
        published.set(stored.countPublished());
    }

    /** Computes, stores and indexes the vectors in small batches, so progress shows and nothing is lost. */
    private void embedAndPut(List<LuceneVectorIndex.Entry> faqs) {
        for (int from = 0; from < faqs.size(); from += BATCH) {
            List<LuceneVectorIndex.Entry> batch = faqs.subList(from, Math.min(faqs.size(), from + BATCH));
            try {
                List<float[]> vectors = embedder.embedAll(batch.stream().map(LuceneVectorIndex.Entry::question).toList());
                List<LuceneVectorIndex.Entry> done = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    LuceneVectorIndex.Entry f = batch.get(i);
                    done.add(new LuceneVectorIndex.Entry(f.id(), f.question(), f.category(), f.answer(), vectors.get(i)));
                }
                stored.save(done);
                index.put(done);
                embedded.addAndGet(done.size());
            } catch (RuntimeException e) {
                lastError = e.toString();
                log.warn("Computing {} FAQ vectors failed; they stay lexical only: {}", batch.size(), e.toString());
            } catch (LinkageError e) {
                // the model's class or native library cannot load: no later batch will do better
                unusable = lastError = e.toString();
                log.error("The sentence-embedding model cannot run here; searches stay lexical only: {}", e.toString());
            } finally {
                pending.addAndGet(-batch.size());
            }
        }
    }

    private static void await(Future<?> work) {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("Semantic index work failed: {}", e.getCause().toString());
        }
    }
}
