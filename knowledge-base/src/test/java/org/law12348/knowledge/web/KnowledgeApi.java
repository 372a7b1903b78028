package org.law12348.knowledge.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Calls of the public API that several tests make the way a citizen's page makes them. */
public final class KnowledgeApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KnowledgeApi() {
    }

    /**
     * Searches for {@code query} and returns the impression of {@code articleId} among the results:
     * what "this solved my problem" must send back.
     */
    public static String impressionOf(MockMvc mvc, String query, String articleId) throws Exception {
        String hits = mvc.perform(get("/api/v1/kb/search").param("q", query).param("limit", "20"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (JsonNode hit : JSON.readTree(hits)) {
            if (articleId.equals(hit.path("id").asText())) {
                return hit.path("impression").asText();
            }
        }
        throw new AssertionError(articleId + " is not among the results for " + query + ": " + hits);
    }
}
