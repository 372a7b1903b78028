package org.law12348.knowledge.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.law12348.testsupport.PostgresDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The knowledge base on PostgreSQL 15 (its own throw-away database): migrations, demo load,
 * import upserts, statute review flags and deflection figures. Skipped only when PostgreSQL is not
 * running and {@code CI} is unset.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresIntegrationTest {

    private static String databaseUrl;
    private static final RequestPostProcessor ADMIN = user("admin-chen").roles("ADMIN");
    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        databaseUrl = PostgresDatabase.register(registry, "kb_it");
    }

    @AfterAll
    static void dropDatabase() {
        PostgresDatabase.drop(databaseUrl);
    }

    @Test
    void runsOnPostgres() throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", "网购七天无理由退货"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value("demo-29"));

        String line = "{\"id\":\"pg-1\",\"question\":\"公司搬迁到外地我不想去能要补偿吗？\",\"answer\":\"用人单位搬迁导致劳动合同无法履行、协商不成解除的，应当支付经济补偿。\","
                + "\"category\":\"劳动争议\",\"laws\":[\"《劳动合同法》第四十六条：有下列情形之一的……\"]}\n";
        mvc.perform(post("/api/v1/kb/import").with(ADMIN).contentType(JSON_LINES).content(line + "oops\n"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(2));
        mvc.perform(post("/api/v1/kb/import").with(ADMIN).contentType(JSON_LINES)
                        .content(line.replace("能要补偿吗", "能要经济补偿吗")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
        mvc.perform(get("/api/v1/kb/search").param("q", "公司搬迁 经济补偿"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value("pg-1"));

        mvc.perform(post("/api/v1/kb/statutes/import").with(ADMIN).contentType(JSON_LINES)
                        .content("{\"id\":\"law-x\",\"law\":\"中华人民共和国劳动合同法\",\"article\":\"第四十六条\","
                                + "\"text\":\"（测试用的新条文）\",\"version\":\"2031-01-01\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.flaggedForReview").value(3));
        mvc.perform(get("/api/v1/kb/review-queue").with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem("pg-1")));

        String deflection = "{\"articleId\":\"pg-1\",\"query\":\"搬迁\",\"impression\":\""
                + KnowledgeApi.impressionOf(mvc, "搬迁", "pg-1") + "\"}";
        mvc.perform(post("/api/v1/kb/deflections").contentType(MediaType.APPLICATION_JSON).content(deflection))
                .andExpect(status().isNoContent());
        // the same client again today: answered alike, counted once (the unique index refuses the row)
        mvc.perform(post("/api/v1/kb/deflections").contentType(MediaType.APPLICATION_JSON).content(deflection))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/kb/deflections/stats").param("from", "2020-01-01").param("to", "2100-01-01").with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deflections").value(1));
    }
}
