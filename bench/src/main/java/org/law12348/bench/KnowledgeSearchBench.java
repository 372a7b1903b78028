package org.law12348.bench;

import org.law12348.knowledge.KnowledgeProperties;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.evaluation.EvaluationSet;
import org.law12348.knowledge.evaluation.SearchEvaluation;
import org.law12348.knowledge.internal.elasticsearch.ElasticsearchKnowledgeSearch;
import org.law12348.knowledge.internal.lucene.LuceneKnowledgeSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Search quality and latency of the knowledge base: indexes the 7,485 pairs of the research-only
 * Q&amp;A corpus and asks a few hundred rewritten questions (recall@5, MRR@10, p50/p99).
 *
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -q -pl bench exec:java -Dexec.mainClass=org.law12348.bench.KnowledgeSearchBench \
 *     -Dexec.args="../shared/data/legal-qa/qa.jsonl 300 [http://elasticsearch:9200]"
 * </pre>
 * Without an Elasticsearch URL only Lucene runs; the in-JVM Elasticsearch 7.10 node is measured by
 * {@code ElasticsearchSearchBench} in knowledge-base-es-tests (it cannot share this classpath).
 */
public final class KnowledgeSearchBench {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSearchBench.class);

    private KnowledgeSearchBench() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/data/legal-qa/qa.jsonl");
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        EvaluationSet set = EvaluationSet.load(corpus, queries, 12348L);
        log.info("Corpus {}: {} documents, {} rewritten questions", corpus, set.documents().size(), set.queries().size());
        List<SearchEvaluation.Result> results = new ArrayList<>();
        Path dir = Files.createTempDirectory("kb-bench-lucene");
        try (KnowledgeSearch lucene = LuceneKnowledgeSearch.open(dir)) {
            results.add(SearchEvaluation.run(lucene, set));
        }
        if (args.length > 2) {
            KnowledgeProperties.Elasticsearch es = new KnowledgeProperties.Elasticsearch(args[2], "kb-bench", null, null, null);
            try (KnowledgeSearch elastic = ElasticsearchKnowledgeSearch.connect(es)) {
                results.add(SearchEvaluation.run(elastic, set));
            }
        }
        results.forEach(r -> log.info("{}", r));
    }
}
