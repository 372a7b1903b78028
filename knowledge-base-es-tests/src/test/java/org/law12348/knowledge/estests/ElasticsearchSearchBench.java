package org.law12348.knowledge.estests;

import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.law12348.knowledge.evaluation.EvaluationSet;
import org.law12348.knowledge.evaluation.SearchEvaluation;
import org.law12348.knowledge.internal.elasticsearch.ElasticsearchKnowledgeSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Elasticsearch half of the search benchmark (the Lucene half is {@code KnowledgeSearchBench}
 * in the bench module): same corpus, same rewritten questions, against the in-JVM node. Reads the
 * research-only corpus, so it never runs with the tests; run it on demand:
 * <pre>
 * ./mvnw -pl knowledge-base-es-tests -am verify -Dkb.bench=true -Dtest=ElasticsearchSearchBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "kb.bench", matches = "true")
class ElasticsearchSearchBench {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSearchBench.class);

    @Test
    void measuresRecallAndLatency() throws Exception {
        Path corpus = Path.of(System.getProperty("kb.bench.corpus", "../../shared/data/legal-qa/qa.jsonl"));
        EvaluationSet set = EvaluationSet.load(corpus, Integer.getInteger("kb.bench.queries", 300), 12348L);
        ElasticsearchClusterRunner node = TestElasticsearch.start();
        try (ElasticsearchKnowledgeSearch search = new ElasticsearchKnowledgeSearch(TestElasticsearch.client(), "kb-bench")) {
            SearchEvaluation.Result result = SearchEvaluation.run(search, set);
            log.info("{}", result);
            assertThat(result.queries()).isEqualTo(set.queries().size());
        } finally {
            node.close();
            node.clean();
        }
    }
}
