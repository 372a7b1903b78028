package org.law12348.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.law12348.app.HttpApi;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
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

    /** JSON over HTTP to this application, as the tests' other clients use it. */
    HttpApi api() {
        return new HttpApi(port);
    }

    /** A ticket through the public intake, from a mobile number of its own: its receipt (number, token). */
    JsonNode ask(String businessType, String region, String text) {
        HttpApi.Answer created = api().post("/api/v1/tickets", HttpApi.json(Map.of("businessType", businessType,
                "regionCode", region, "text", text, "contactName", "王小明", "contactPhone", newPhone())));
        assertThat(created.body().hasNonNull("number")).as(created.raw().body()).isTrue();
        return created.body();
    }

    /** The number of a ticket made as {@link #ask} makes it. */
    String submit(String businessType, String region, String text) {
        return ask(businessType, region, text).get("number").asText();
    }

    /** A staff API answer as {@code username} (HTTP Basic with the demo password). */
    JsonNode staffGet(String username, String path) {
        return api().get(path, HttpApi.basic(username)).body();
    }

    /** A mobile number no other ticket of this run has, so a test's tickets are only its own. */
    static String newPhone() {
        return "1392" + String.format("%07d", (System.nanoTime() / 1000 + PHONES.incrementAndGet()) % 10_000_000);
    }
}
