package org.law12348.app.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff workspace's API client is generated from a committed copy of the OpenAPI document
 * ({@code consult-portal/frontend/openapi/api-docs.json}), so the frontend build needs no running
 * server. This test starts the product and fails when that copy differs from the live document: an
 * endpoint changed and the workspace would be typed against the old one. Refresh the copy with
 * <pre>./mvnw -pl app -am test -Dtest=OpenApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.snapshot.update=true</pre>
 * then rebuild the frontend, whose type check shows every place the change touches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:openapi;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=openapi"})
class OpenApiSnapshotTest {

    static final Path SNAPSHOT = Path.of("..", "consult-portal", "frontend", "openapi", "api-docs.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @LocalServerPort
    int port;

    @Test
    void committedSnapshotMatchesTheLiveDocument() throws Exception {
        String live = canonical(fetch("/v3/api-docs"));
        if (Boolean.getBoolean("openapi.snapshot.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, live, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("%s differs from the live /v3/api-docs. Refresh it with: ./mvnw -pl app -am test "
                        + "-Dtest=OpenApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false "
                        + "-Dopenapi.snapshot.update=true (then rebuild consult-portal to type-check the "
                        + "workspace against it)", SNAPSHOT.toAbsolutePath().normalize())
                .isEqualTo(live);
    }

    /** Keys sorted, the server address (a random port here) left out: one text per API. */
    @SuppressWarnings("unchecked")
    static String canonical(String document) throws IOException {
        Map<String, Object> tree = JSON.readValue(document, Map.class);
        tree.remove("servers");
        return JSON.writeValueAsString(tree) + "\n";
    }

    private String fetch(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
