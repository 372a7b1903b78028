package org.law12348.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers go gzipped to browsers that accept it (a citizen's first load of the app shrinks to about a third
 * over a mobile network), except event streams, which must reach the browser as each event is written.
 */
@LowLimitsApp
class CompressionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void jsonGoesGzippedToAClientThatAcceptsIt() throws Exception {
        HttpResponse<byte[]> zipped = HTTP.send(request("/v3/api-docs").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> plain = HTTP.send(request("/v3/api-docs").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        byte[] unzipped;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            unzipped = in.readAllBytes();
        }
        assertThat(unzipped).isEqualTo(plain.body());
        assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
        assertThat(new ObjectMapper().readTree(unzipped).path("openapi").asText()).startsWith("3.");
    }

    @Test
    void eventStreamsAreNeverCompressed() throws Exception {
        HttpResponse<InputStream> stream = HTTP.send(request("/api/v1/staff/events")
                .header("Accept-Encoding", "gzip").header("Accept", "text/event-stream")
                .header(HttpApi.basic("dispatcher")[0], HttpApi.basic("dispatcher")[1]).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream ignored = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
        } catch (IOException closedWhileStreaming) {
            // closing a live stream early may end in an I/O error; the headers were read before
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    }
}
