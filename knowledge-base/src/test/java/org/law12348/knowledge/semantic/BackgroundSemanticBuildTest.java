package org.law12348.knowledge.semantic;

import org.junit.jupiter.api.Test;
import org.law12348.knowledge.SemanticIndexStatus;
import org.law12348.knowledge.internal.semantic.SemanticSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A knowledge base larger than {@code semantic.sync-up-to} (here: any) does not hold up start-up: the
 * application answers searches while the semantic index builds, and the build finishes by itself.
 */
@SpringBootTest(properties = {"law12348.knowledge.semantic.sync-up-to=0",
        "spring.datasource.url=jdbc:h2:mem:kb-background;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class BackgroundSemanticBuildTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SemanticSearch semantic;

    @Test
    void startUpDoesNotWaitForTheBuildAndSearchAnswersMeanwhile() throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", "公司拖欠工资不发"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value("demo-01"));

        // the semantic index's work runs in order on one thread: a catch-up returns after the build
        semantic.catchUp();

        SemanticIndexStatus status = semantic.status();
        assertThat(status.state()).isEqualTo("READY");
        assertThat(status.pending()).isZero();
        assertThat(status.indexed()).isEqualTo(status.published()).isPositive();
        assertThat(status.startedAt()).isNotNull();
        assertThat(status.readyAt()).isNotNull();
    }
}
