package org.law12348.bench;

import ch.qos.logback.classic.Level;
import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.evaluation.Elasticsearch7Clients;
import org.law12348.knowledge.evaluation.EvaluationSet;
import org.law12348.knowledge.evaluation.SearchEvaluation;
import org.law12348.knowledge.internal.elasticsearch.ElasticsearchKnowledgeSearch;
import org.law12348.knowledge.internal.lucene.LuceneKnowledgeSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Search quality and latency of the knowledge base, Lucene and Elasticsearch side by side in one run:
 * indexes the 7,485 pairs of the research-only Q&amp;A corpus (read from {@code ../shared}, never
 * copied into the repository) plus the shipped statutes, asks a few hundred rewritten questions
 * (recall@5, MRR@10, p50/p99, CPU per query) and prints one table. Lucene runs in this JVM; the
 * in-JVM Elasticsearch 7.10.2 node runs in a child JVM ({@link ElasticsearchChild}). Command in
 * bench/README.md ({@code bench/kb-search-bench.sh}); arguments:
 * {@code [qa.jsonl] [questions] [es-tests classpath file]}.
 */
public final class KnowledgeSearchBench {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSearchBench.class);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("kb.bench.warmUpSeconds", 60));
    private static final int ROUNDS = Integer.getInteger("kb.bench.rounds", 3);

    private KnowledgeSearchBench() {
    }

    public static void main(String[] args) throws IOException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/data/legal-qa/qa.jsonl");
        int questions = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path esClasspath = Path.of(args.length > 2 ? args[2] : "knowledge-base-es-tests/target/classpath.txt");
        run(corpus, questions, esClasspath);
    }

    /** Runs both backends, prints the detailed table and answers the figures for {@link Bench}'s table. */
    static Map<String, String> run(Path corpus, int questions, Path esClasspath) throws IOException {
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        EvaluationSet set = EvaluationSet.load(corpus, questions, 12348L);
        log.info("Corpus {}: {} FAQs + {} statutes, {} rewritten questions", corpus, set.count(DocumentType.FAQ),
                set.count(DocumentType.STATUTE), set.queries().size());
        List<SearchEvaluation.Result> results = new ArrayList<>();
        Path dir = Files.createTempDirectory("kb-bench-lucene");
        try (KnowledgeSearch lucene = LuceneKnowledgeSearch.open(dir)) {
            results.add(SearchEvaluation.run(lucene, set, SearchEvaluation.Plan.inProcess(WARM_UP, ROUNDS)));
            log.info("{}", results.get(0));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        try (ElasticsearchChild node = ElasticsearchChild.start(esClasspath);
             KnowledgeSearch elastic = new ElasticsearchKnowledgeSearch(
                     Elasticsearch7Clients.onLocalPort(node.httpPort()), "kb-bench")) {
            results.add(SearchEvaluation.run(elastic, set,
                    new SearchEvaluation.Plan(WARM_UP, ROUNDS, node::cpuNanos)));
            log.info("{}", results.get(1));
        }
        System.out.println(table(set, results, started, loadBefore, loadAverage()));
        Map<String, String> figures = new LinkedHashMap<>();
        for (SearchEvaluation.Result r : results) {
            String name = "knowledge-base search, " + r.backend() + ", " + set.queries().size() + " questions";
            figures.put(name + ": recall@5 / MRR@10", String.format(Locale.ROOT, "%.3f / %.3f", r.recallAt5(), r.mrrAt10()));
            figures.put(name + ": p50 / p99 ms", String.format(Locale.ROOT, "%.1f / %.1f", r.p50Millis(), r.p99Millis()));
        }
        return figures;
    }

    private static String table(EvaluationSet set, List<SearchEvaluation.Result> results, Instant started,
                                String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nKnowledge-base search, %s UTC, %d cores, load average %s at start / %s at end%n"
                        + "%d FAQs + %d statutes indexed; %d rewritten questions, %d s of warm-up + %d measured rounds per backend%n%n",
                started.truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), loadBefore,
                loadAfter, set.count(DocumentType.FAQ), set.count(DocumentType.STATUTE), set.queries().size(),
                WARM_UP.toSeconds(), ROUNDS));
        out.append("| backend | recall@5 | MRR@10 | p50 | p99 | CPU per query (bench thread) "
                + "| CPU per query (Elasticsearch node) | index time |\n|---|---|---|---|---|---|---|---|\n");
        for (SearchEvaluation.Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.1f ms | %.1f ms | %.2f ms | %s | %.1f s |%n",
                    r.backend(), r.recallAt5(), r.mrrAt10(), r.p50Millis(), r.p99Millis(), r.cpuMillis(),
                    Double.isNaN(r.serverCpuMillis()) ? "–" : String.format(Locale.ROOT, "%.2f ms", r.serverCpuMillis()),
                    r.indexMillis() / 1000.0));
        }
        SearchEvaluation.Result lucene = results.get(0);
        SearchEvaluation.Result elastic = results.get(1);
        boolean recall = results.stream().allMatch(r -> r.recallAt5() >= 0.90);
        out.append(String.format(Locale.ROOT, "%nTargets: recall@5 >= 0.90: %s; Lucene p99 <= 20 ms: %s (%.1f ms); "
                        + "Elasticsearch p99 within 3x of Lucene: %s (%.1fx)%n",
                met(recall), met(lucene.p99Millis() <= 20), lucene.p99Millis(),
                met(elastic.p99Millis() <= 3 * lucene.p99Millis()), elastic.p99Millis() / lucene.p99Millis()));
        return out.toString();
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    /** The 1/5/15-minute load averages; wall-clock latencies are only comparable at a similar load. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
