package org.law12348.knowledge.semantic;

import org.junit.jupiter.api.Test;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchQuery;
import org.law12348.knowledge.internal.semantic.SemanticSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hybrid search with the real BGE model over the demo content (33 FAQs: small enough that
 * start-up builds the semantic index before the application is ready, so every request here is hybrid).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:kb-hybrid;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class HybridSearchApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    KnowledgeSearch lexicalOnly;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SemanticSearch semantic;

    @Test
    void administratorsSeeTheSemanticIndexReadyWithEveryPublishedFaq() throws Exception {
        Integer published = jdbc.queryForObject("select count(*) from kb_faq_article where status = 'PUBLISHED'",
                Integer.class);
        mvc.perform(get("/api/v1/kb/semantic-index").with(user("admin-chen").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("READY"))
                .andExpect(jsonPath("$.model").value("bge-small-zh-v1.5-q"))
                .andExpect(jsonPath("$.indexed").value(published))
                .andExpect(jsonPath("$.pending").value(0));
        mvc.perform(get("/api/v1/kb/semantic-index").with(user("lawyer-li").roles("CONSULTANT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/kb/semantic-index")).andExpect(status().isUnauthorized());
    }

    @Test
    void vectorsAreStoredWithTheEntrySoARestartComputesNoneAgain() {
        Map<String, Object> row = jdbc.queryForMap("select embedding, embedding_model, embedded_question, question "
                + "from kb_faq_article where id = 'demo-09'");
        assertThat((byte[]) row.get("embedding")).hasSize(512 * Float.BYTES);
        assertThat(row.get("embedding_model")).isEqualTo("bge-small-zh-v1.5-q");
        assertThat(row.get("embedded_question")).isEqualTo(row.get("question"));
    }

    @Test
    void findsByMeaningWhatTheWordsAloneRankBelowTheTopThree() throws Exception {
        String q = "下班回家路上被车撞了公司管不管";
        assertThat(lexicalOnly.search(new SearchQuery(q, null, null, 3))).extracting(SearchHit::id)
                .doesNotContain("demo-09");
        mvc.perform(get("/api/v1/kb/search").param("q", q).param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem("demo-09")));
    }

    /** Another application node (Elasticsearch backend) changed an FAQ: this node's graph follows the tables. */
    @Test
    void anEditMadeThroughAnotherNodeIsCaughtUpFromTheTables() throws Exception {
        String q = "我家养的狗把隔壁小孩咬伤了要赔多少钱";
        mvc.perform(get("/api/v1/kb/search").param("q", q))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", not(hasItem("demo-33"))));
        jdbc.update("update kb_faq_article set question = ?, updated_at = ? where id = 'demo-33'",
                "饲养的狗咬伤了邻居家的孩子，狗主人要承担哪些赔偿？", java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3600)));

        semantic.catchUp();

        assertThat(jdbc.queryForObject("select embedded_question from kb_faq_article where id = 'demo-33'", String.class))
                .isEqualTo("饲养的狗咬伤了邻居家的孩子，狗主人要承担哪些赔偿？");
        // found by meaning only: this node's words index still holds the old question
        mvc.perform(get("/api/v1/kb/search").param("q", q))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem("demo-33")));
    }

    @Test
    void nothingSearchableFindsNothingEvenByMeaning() throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", "😀😀😀"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void anEditedQuestionIsFoundByItsNewMeaningWhenTheEditReturns() throws Exception {
        String admin = "admin-chen";
        String created = mvc.perform(post("/api/v1/kb/articles").with(user(admin).roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"宠物店卖的小狗买回家三天就病死了能退钱吗？\",\"answer\":\"经营者出售的宠物有疾病的，"
                                + "消费者可以要求退货并赔偿损失。\",\"category\":\"消费维权\",\"laws\":[]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/v1/kb/articles/" + id + "/publish").with(user(admin).roles("ADMIN")))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select embedded_question from kb_faq_article where id = ?", String.class, id))
                .isEqualTo("宠物店卖的小狗买回家三天就病死了能退钱吗？");

        mvc.perform(put("/api/v1/kb/articles/" + id).with(user(admin).roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"在网上买的猫咪到家没几天就生病了，卖家要负责吗？\",\"answer\":\"经营者出售的宠物有疾病的，"
                                + "消费者可以要求退货并赔偿损失。\",\"category\":\"消费维权\",\"laws\":[]}"))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select embedded_question from kb_faq_article where id = ?", String.class, id))
                .isEqualTo("在网上买的猫咪到家没几天就生病了，卖家要负责吗？");
        mvc.perform(get("/api/v1/kb/search").param("q", "网购小猫到家就病了卖家负不负责").param("limit", "3"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
    }
}
