package org.law12348.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every workspace browser test does around its gestures: a Chromium per person, closed after each
 * test whatever happened; tickets made through the real public intake; the staff API read as a person.
 * The application itself comes from the subclass's {@code @SpringBootTest} (or a shared annotation).
 */
@ExtendWith(WorkspaceBuilt.class)
@Tag("slow")
abstract class WorkspaceBrowserTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PHONES = new AtomicInteger();

    @LocalServerPort
    int port;

    private final List<WorkspaceBrowser> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WorkspaceBrowser::close);
        browsers.clear();
    }

    /** A new person's Chromium on this application, closed after the test. */
    WorkspaceBrowser browser() {
        WorkspaceBrowser browser = new WorkspaceBrowser("http://127.0.0.1:" + port);
        browsers.add(browser);
        return browser;
    }

    /** A ticket through the public intake, from a mobile number of its own: its receipt (number, token). */
    JsonNode ask(String businessType, String region, String text) throws Exception {
        Map<String, String> body = Map.of("businessType", businessType, "regionCode", region, "text", text,
                "contactName", "王小明", "contactPhone", newPhone());
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        JsonNode created = JSON.readTree(answer.body());
        assertThat(created.hasNonNull("number")).as(answer.body()).isTrue();
        return created;
    }

    /** The number of a ticket made as {@link #ask} makes it. */
    String submit(String businessType, String region, String text) throws Exception {
        return ask(businessType, region, text).get("number").asText();
    }

    /** A staff API answer as {@code username} (HTTP Basic with the demo password). */
    JsonNode staffGet(String username, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":demo12348").getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic)).body());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A mobile number no other ticket of this run has, so a test's tickets are only its own. */
    static String newPhone() {
        return "1392" + String.format("%07d", (System.nanoTime() / 1000 + PHONES.incrementAndGet()) % 10_000_000);
    }
}
