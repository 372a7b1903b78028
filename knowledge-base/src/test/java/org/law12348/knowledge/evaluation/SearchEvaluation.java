package org.law12348.knowledge.evaluation;

import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchQuery;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** Runs an {@link EvaluationSet} against a backend: recall@5, MRR@10 and latency percentiles. */
public final class SearchEvaluation {

    /** Hits asked for per query, as the search page asks. */
    static final int LIMIT = 10;

    /**
     * What one backend achieved. Latencies are wall-clock on the calling thread over all measured
     * rounds. {@code cpuMillis} is the calling thread's mean CPU time per query (for Lucene the whole
     * search, for Elasticsearch the client's share); {@code serverCpuMillis} is the mean CPU time per
     * query of the process that serves the searches when it is another one (NaN otherwise). CPU time
     * stays meaningful on a busy machine, where wall-clock times are inflated.
     */
    public record Result(String backend, int queries, double recallAt5, double mrrAt10, double p50Millis,
                         double p99Millis, double cpuMillis, double serverCpuMillis, long indexMillis) {
        @Override
        public String toString() {
            return String.format("%-13s queries=%d recall@5=%.3f MRR@10=%.3f p50=%.2fms p99=%.2fms cpu=%.2fms/query "
                    + "server-cpu=%.2fms/query index=%dms", backend, queries, recallAt5, mrrAt10, p50Millis, p99Millis,
                    cpuMillis, serverCpuMillis, indexMillis);
        }
    }

    /**
     * How to measure: unmeasured passes over the questions for at least {@code warmUp} (a serving
     * node is warm: a node started a few seconds ago still spends a third of a core compiling, which
     * a fixed few passes did not wait out), then {@code rounds} measured passes. {@code serverCpuNanos}
     * reads the serving process's total CPU time, or is empty when the search runs in this thread.
     */
    public record Plan(Duration warmUp, int rounds, Supplier<OptionalLong> serverCpuNanos) {
        public Plan {
            if (warmUp.isNegative() || rounds < 1) {
                throw new IllegalArgumentException("warmUp >= 0 and rounds >= 1");
            }
        }

        public static Plan inProcess(Duration warmUp, int rounds) {
            return new Plan(warmUp, rounds, OptionalLong::empty);
        }
    }

    private SearchEvaluation() {
    }

    /** Indexes the documents (timed), then warms up and measures as the plan says. */
    public static Result run(KnowledgeSearch search, EvaluationSet set, Plan plan) {
        long start = System.nanoTime();
        search.rebuild(set.documents().stream());
        long indexMillis = (System.nanoTime() - start) / 1_000_000;
        long warmUpEnds = System.nanoTime() + plan.warmUp().toNanos();
        while (System.nanoTime() < warmUpEnds) {
            set.queries().forEach(q -> search.search(query(q)));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OptionalLong serverStart = plan.serverCpuNanos().get();
        long cpuStart = threads.getCurrentThreadCpuTime();
        int perRound = set.queries().size();
        long[] nanos = new long[perRound * plan.rounds()];
        int found = 0;
        double reciprocal = 0;
        for (int i = 0; i < nanos.length; i++) {
            EvaluationSet.Query q = set.queries().get(i % perRound);
            long t = System.nanoTime();
            List<SearchHit> hits = search.search(query(q));
            nanos[i] = System.nanoTime() - t;
            int rank = rankOf(hits, q.expectedId());
            if (rank > 0 && rank <= 5) {
                found++;
            }
            reciprocal += rank > 0 ? 1.0 / rank : 0;
        }
        double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / nanos.length;
        OptionalLong serverEnd = plan.serverCpuNanos().get();
        double serverCpuMillis = serverStart.isPresent() && serverEnd.isPresent()
                ? (serverEnd.getAsLong() - serverStart.getAsLong()) / 1e6 / nanos.length : Double.NaN;
        Arrays.sort(nanos);
        return new Result(search.backendName(), perRound, (double) found / nanos.length, reciprocal / nanos.length,
                percentile(nanos, 0.50), percentile(nanos, 0.99), cpuMillis, serverCpuMillis, indexMillis);
    }

    private static SearchQuery query(EvaluationSet.Query q) {
        return new SearchQuery(q.text(), null, null, LIMIT);
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
