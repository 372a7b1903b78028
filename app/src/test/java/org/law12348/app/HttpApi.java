package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small client for the tests: real HTTP against the running application, JSON in and out. */
public final class HttpApi {

    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        public String text(String field) {
            return body.path(field).asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final String base;

    public HttpApi(int port) {
        this(port, false);
    }

    /** With {@code keepCookies}, the client holds a session like a browser does. */
    HttpApi(int port, boolean keepCookies) {
        this("http://127.0.0.1:" + port, keepCookies);
    }

    /** Against another base address, e.g. {@code http://[::1]:port} to come from a second client address. */
    HttpApi(String base, boolean keepCookies) {
        this.base = base;
        this.client = keepCookies ? HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build()
                : HttpClient.newHttpClient();
    }

    public Answer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public Answer post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), headers);
    }

    Answer postRaw(String path, String contentType, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    /** Any method with any body bytes and content type: for requests a well-behaved client never sends. */
    public Answer request(String method, String path, String contentType, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    /** A GET whose answer is bytes (a file), as the browser downloads it. */
    HttpResponse<byte[]> download(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(java.time.Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String[] basic(String user) {
        String token = Base64.getEncoder().encodeToString((user + ":demo12348").getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + token};
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest.Builder request, String... headers) {
        // a request the server never answers fails the test instead of hanging it
        request.timeout(java.time.Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = response.body() == null || response.body().isBlank() ? JSON.nullNode()
                    : parse(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
