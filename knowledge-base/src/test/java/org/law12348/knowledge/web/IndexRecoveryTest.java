package org.law12348.knowledge.web;

import org.junit.jupiter.api.Test;
import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.internal.IndexSource;
import org.law12348.knowledge.internal.IndexUpdater;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class IndexRecoveryTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    KnowledgeSearch search;
    @Autowired
    IndexUpdater updater;
    @Autowired
    IndexSource source;

    @Test
    void anIndexThatLostDocumentsIsRebuiltFromTheTables() throws Exception {
        search.remove(DocumentType.FAQ, List.of("demo-21"));
        mvc.perform(get("/api/v1/kb/search").param("q", "没写借条 借钱不还"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(org.hamcrest.Matchers.not("demo-21")));

        updater.rebuildIfStale();

        assertThat(search.count()).isEqualTo(source.expectedCount());
        mvc.perform(get("/api/v1/kb/search").param("q", "没写借条 借钱不还"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value("demo-21"));
    }

    @Test
    void adminsRebuildOnDemandAndSearchKeepsWorking() throws Exception {
        mvc.perform(post("/api/v1/kb/reindex").with(user("lawyer-li").roles("CONSULTANT")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/kb/reindex").with(user("admin-chen").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documents").value((int) source.expectedCount()));
        mvc.perform(get("/api/v1/kb/search").param("q", "离婚后孩子抚养"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value("demo-13"));
    }
}
