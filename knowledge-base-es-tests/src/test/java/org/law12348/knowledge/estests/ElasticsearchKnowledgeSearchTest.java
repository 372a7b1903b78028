package org.law12348.knowledge.estests;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.KnowledgeSearchContract;
import org.law12348.knowledge.internal.elasticsearch.ElasticsearchKnowledgeSearch;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Elasticsearch backend against a real node: the shared contract, plus the alias behaviour. */
class ElasticsearchKnowledgeSearchTest extends KnowledgeSearchContract {

    private static final AtomicInteger ALIASES = new AtomicInteger();
    private static ElasticsearchClusterRunner node;
    private String alias;

    @BeforeAll
    static void startNode() throws IOException {
        node = TestElasticsearch.start();
    }

    @AfterAll
    static void stopNode() throws IOException {
        node.close();
        node.clean();
    }

    @Override
    protected KnowledgeSearch newEmptySearch() {
        alias = "kb-test-" + ALIASES.incrementAndGet();
        return new ElasticsearchKnowledgeSearch(TestElasticsearch.client(), alias);
    }

    @Test
    void rebuildMovesTheAliasToAFreshIndexAndDropsTheOldOne() throws IOException {
        ElasticsearchClient client = TestElasticsearch.client();
        Set<String> before = client.indices().getAlias(g -> g.name(alias)).result().keySet();

        search.rebuild(Stream.of(faq("f-will", "遗嘱怎么写才有效？", "自书遗嘱由遗嘱人亲笔书写，签名，注明年、月、日。", "继承")));

        Set<String> after = client.indices().getAlias(g -> g.name(alias)).result().keySet();
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(client.indices().exists(e -> e.index(List.copyOf(before))).value()).isFalse();
        assertThat(search.search(query("自书遗嘱"))).extracting(h -> h.id()).containsExactly("f-will");
        client._transport().close();
    }

    @Test
    void anIndexAnOlderVersionCreatedIsOutdatedUntilRebuilt() throws IOException {
        ElasticsearchClient client = TestElasticsearch.client();
        String older = "kb-older-" + ALIASES.incrementAndGet();
        // what versions before the layout record created: a mapping without it in _meta, no doc values for the title
        client.indices().create(c -> c.index(older + "-1").aliases(older, a -> a)
                .mappings(m -> m.properties("title", p -> p.text(t -> t))));
        try (KnowledgeSearch outdated = new ElasticsearchKnowledgeSearch(TestElasticsearch.client(), older)) {
            assertThat(outdated.builtWithCurrentLayout()).isFalse();

            outdated.rebuild(FIXTURES.stream());

            assertThat(outdated.builtWithCurrentLayout()).isTrue();
            assertThat(outdated.search(query("拖欠工资")).get(0).title()).isEqualTo("公司拖欠工资三个月不发怎么办？");
        }
        client._transport().close();
    }

    @Test
    void aSecondClientOnTheSameAliasSeesTheSameIndex() {
        try (KnowledgeSearch second = new ElasticsearchKnowledgeSearch(TestElasticsearch.client(), alias)) {
            assertThat(second.count()).isEqualTo(FIXTURES.size());
        }
    }
}
