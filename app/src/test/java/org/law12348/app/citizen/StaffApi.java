package org.law12348.app.citizen;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo consultant, answering a citizen's question through the product's JSON API. */
final class StaffApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString("consultant:demo12348".getBytes(StandardCharsets.UTF_8));

    StaffApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Claims the question if it is not the consultant's yet (a follow-up comes back to them), then answers. */
    void answer(String number, String text) {
        int claimed = post("/api/v1/consultant/pool/" + number + "/claim", Map.of());
        assertThat(claimed).as("claim").isIn(200, 409);
        assertThat(post("/api/v1/consultant/pool/" + number + "/answer",
                Map.of("text", text, "citedArticles", List.of("劳动合同法第三十条")))).as("answer").isEqualTo(201);
    }

    /** A dispatcher records the citizen's legal clock on the ticket (issue 22). */
    void addClock(String number, String type, String triggerDate) {
        assertThat(post("/api/v1/staff/tickets/" + number + "/clocks", Map.of("type", type, "triggerDate", triggerDate),
                "Basic " + Base64.getEncoder().encodeToString("dispatcher:demo12348".getBytes(StandardCharsets.UTF_8))))
                .as("clock added").isEqualTo(201);
    }

    /** The clocks a dispatcher sees suggested for the ticket (issue 22), as the workspace reads them. */
    com.fasterxml.jackson.databind.JsonNode clockSuggestions(String number) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/staff/tickets/" + number
                            + "/clock-suggestions")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("dispatcher:demo12348".getBytes(StandardCharsets.UTF_8))).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("clock suggestions").isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the application at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int post(String path, Object body) {
        return post(path, body, authorization);
    }

    private int post(String path, Object body, String credentials) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", credentials)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the application at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
