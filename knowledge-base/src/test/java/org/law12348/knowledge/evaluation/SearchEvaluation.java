package org.law12348.knowledge.evaluation;

import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchQuery;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/** Runs an {@link EvaluationSet} against a backend: recall@5, MRR@10 and latency percentiles. */
public final class SearchEvaluation {

    /** What one backend achieved. */
    /**
     * What one backend achieved. Latencies are wall-clock on the calling thread; {@code cpuMillis} is
     * the caller's mean CPU time per query (for Lucene the whole search, for Elasticsearch the client's
     * share), which stays meaningful on a busy machine where wall-clock times are inflated.
     */
    public record Result(String backend, int queries, double recallAt5, double mrrAt10, double p50Millis,
                         double p99Millis, double cpuMillis, long indexMillis) {
        @Override
        public String toString() {
            return String.format("%-13s queries=%d recall@5=%.3f MRR@10=%.3f p50=%.2fms p99=%.2fms cpu=%.2fms/query "
                    + "index=%dms", backend, queries, recallAt5, mrrAt10, p50Millis, p99Millis, cpuMillis, indexMillis);
        }
    }

    private SearchEvaluation() {
    }

    /** Indexes the documents (timed), warms up with one pass, then measures a second pass. */
    public static Result run(KnowledgeSearch search, EvaluationSet set) {
        long start = System.nanoTime();
        search.rebuild(set.documents().stream());
        long indexMillis = (System.nanoTime() - start) / 1_000_000;
        set.queries().forEach(q -> search.search(new SearchQuery(q.text(), null, null, 10)));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long[] nanos = new long[set.queries().size()];
        int found = 0;
        double reciprocal = 0;
        for (int i = 0; i < nanos.length; i++) {
            EvaluationSet.Query q = set.queries().get(i);
            long t = System.nanoTime();
            List<SearchHit> hits = search.search(new SearchQuery(q.text(), null, null, 10));
            nanos[i] = System.nanoTime() - t;
            int rank = rankOf(hits, q.expectedId());
            if (rank > 0 && rank <= 5) {
                found++;
            }
            reciprocal += rank > 0 ? 1.0 / rank : 0;
        }
        double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / nanos.length;
        Arrays.sort(nanos);
        return new Result(search.backendName(), nanos.length, (double) found / nanos.length,
                reciprocal / nanos.length, percentile(nanos, 0.50), percentile(nanos, 0.99), cpuMillis, indexMillis);
    }

    private static int rankOf(List<SearchHit> hits, String id) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static double percentile(long[] sortedNanos, double p) {
        int index = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1_000_000.0;
    }
}
