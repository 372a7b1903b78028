package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop of a volunteer's answer, through the doors the clients use (the citizen app's and the
 * workspace's pages for each step are CitizenAppBrowserTest's and WorkspaceBrowserTest's): a citizen asks,
 * a consultant claims and answers, the citizen reads, rates and accepts, the consultant earns the points
 * and turns the answer into a knowledge-base draft, an administrator makes it general and publishes it,
 * and the next citizen finds it when searching for the same question.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:answer-to-knowledge;DB_CLOSE_DELAY=-1")
class AnswerBecomesKnowledgeTest {

    private static final String ANSWER =
            "可以先向用人单位书面催告，仍不支付的可向劳动保障监察机构投诉，或申请劳动仲裁，要求支付工资和赔偿金。";
    private static final String GENERAL_QUESTION = "单位拖欠工资不发，劳动者怎样讨要？";

    @LocalServerPort
    int port;

    @Test
    void aResolvedAnswerEarnsPointsAndBecomesAPublishedAnswerTheNextCitizenFinds() throws Exception {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer receipt = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_CONSULTATION",
                "regionCode", "440106", "text", "公司拖欠我两个月工资，老板说没钱，我应该怎么办？")));
        assertThat(receipt.status()).isEqualTo(201);
        String ticket = receipt.text("number");
        String[] citizen = {"X-Tracking-Token", receipt.text("trackingToken")};
        String[] consultant = HttpApi.basic("consultant");
        String[] admin = HttpApi.basic("admin");

        assertThat(api.post("/api/v1/consultant/pool/" + ticket + "/claim", "{}", consultant).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/consultant/pool/" + ticket + "/answer", HttpApi.json(Map.of("text", ANSWER,
                "citedArticles", List.of("劳动合同法第三十条"))), consultant).status()).isEqualTo(201);

        assertThat(api.get("/api/v1/tickets/" + ticket, citizen).raw().body())
                .contains("劳动保障监察机构", "劳动合同法第三十条");
        assertThat(api.post("/api/v1/tickets/" + ticket + "/rating", HttpApi.json(Map.of("score", 5)), citizen)
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tickets/" + ticket + "/accept-answer", "{}", citizen).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tickets/" + ticket, citizen).text("status")).isEqualTo("CLOSED");

        // the points are awarded once the closing is relayed
        String points = eventually(() -> {
            String ledger = api.get("/api/v1/consultant/points", consultant).raw().body();
            return ledger.contains(ticket) && ledger.contains("问题解决奖励") ? ledger : null;
        });
        assertThat(points).contains("答复问题");

        HttpApi.Answer drafted = api.post("/api/v1/kb/articles/from-ticket/" + ticket, "{}", consultant);
        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.text("sourceTicket")).isEqualTo(ticket);
        assertThat(api.post("/api/v1/kb/articles/from-ticket/" + ticket, "{}", consultant).status())
                .as("one draft per question").isEqualTo(200);
        String id = drafted.text("id");
        Map<String, Object> general = new LinkedHashMap<>();
        general.put("question", GENERAL_QUESTION);
        general.put("answer", drafted.text("answer"));
        general.put("category", drafted.text("category"));
        general.put("laws", drafted.body().path("laws"));
        assertThat(api.request("PUT", "/api/v1/kb/articles/" + id, "application/json",
                HttpApi.json(general).getBytes(StandardCharsets.UTF_8), admin).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/kb/articles/" + id + "/publish", "{}", admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/kb/articles/" + id).text("question"))
                .as("publishing keeps the administrator's edit").isEqualTo(GENERAL_QUESTION);

        String query = URLEncoder.encode("单位拖欠工资不发，怎样讨要", StandardCharsets.UTF_8);
        JsonNode found = eventually(() -> {
            for (JsonNode hit : api.get("/api/v1/kb/search?q=" + query).body()) {
                if (id.equals(hit.path("id").asText())) {
                    return hit;
                }
            }
            return null;
        });
        assertThat(found.path("title").asText()).isEqualTo(GENERAL_QUESTION);
    }

    /** What {@code probe} finds within 20 s (relays and index refreshes run in the background). */
    private static <T> T eventually(Supplier<T> probe) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            assertThat(System.nanoTime()).as("found within 20 s").isLessThan(end);
            Thread.sleep(200);
        }
    }
}
