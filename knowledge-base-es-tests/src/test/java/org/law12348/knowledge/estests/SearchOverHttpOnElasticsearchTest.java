package org.law12348.knowledge.estests;

import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.KnowledgeTestApplication;
import org.law12348.knowledge.internal.elasticsearch.ElasticsearchKnowledgeSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The knowledge base as the application runs it, on the Elasticsearch backend: the HTTP API, the
 * import and the start-up, against the real node. Only the client is the test's (the 7.10 node needs
 * the compatibility interceptors of {@code Elasticsearch7Clients}); everything else is production wiring.
 */
@SpringBootTest(classes = KnowledgeTestApplication.class, properties = {
        "law12348.knowledge.backend=elasticsearch", "law12348.knowledge.elasticsearch.alias=kb-app-test",
        // the semantic index is Lucene 9's HNSW, which cannot share this module's classpath with the node's
        // Lucene 8; the hybrid search on Elasticsearch is measured by the bench (CitizenSearchBench)
        "law12348.knowledge.semantic.enabled=false"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SearchOverHttpOnElasticsearchTest {

    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");
    private static ElasticsearchClusterRunner node;

    @TestBean(name = "knowledgeSearch")
    KnowledgeSearch search;

    @Autowired
    MockMvc mvc;

    static KnowledgeSearch knowledgeSearch() {
        return new ElasticsearchKnowledgeSearch(TestElasticsearch.client(), "kb-app-test");
    }

    @BeforeAll
    static void startNode() throws IOException {
        node = TestElasticsearch.start();
    }

    @AfterAll
    static void stopNode() throws IOException {
        node.close();
        node.clean();
    }

    /** Bug (issue 17, knowledge base): a line break or a control character in the query answered 400. */
    @ParameterizedTest
    @ValueSource(strings = {"老板拖欠工资\n不给怎么办", "老板拖欠\u0000工资\u0007不给怎么办", "老板拖欠工资\t不给\u3000怎么办\u2028"})
    void aQueryWithLineBreaksOrControlCharactersIsSearchedAsItsWords(String q) throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", q))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("demo-01"));
        mvc.perform(get("/api/v1/kb/suggest").param("q", "公司拖欠工资\r\n不发"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("demo-01"));
    }

    /** Bug (issue 17, knowledge base): entries whose question had a line break were refused at import. */
    @Test
    void entriesWhoseQuestionHasLineBreaksAreImportedAndFound() throws Exception {
        String file = "{\"id\":\"nl-es-1\",\"question\":\"我老公经常喝酒后打我\\r\\n我想离婚\\n孩子的抚养权能给我吗\",\"answer\":"
                + "\"家庭暴力是准予离婚的法定情形。\\n\\n抚养权按照最有利于未成年子女的原则判决。\",\"category\":\"婚姻家庭\"}\n";
        mvc.perform(post("/api/v1/kb/import").with(user("admin-chen").roles("ADMIN")).contentType(JSON_LINES)
                        .content(file))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.errors.length()").value(0));
        mvc.perform(get("/api/v1/kb/search").param("q", "老公喝酒打我\n想离婚"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("nl-es-1"))
                .andExpect(jsonPath("$[0].title").value("我老公经常喝酒后打我 我想离婚 孩子的抚养权能给我吗"));
    }
}
