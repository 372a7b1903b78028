package org.law12348.app.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One role's HTTP client: staff send HTTP Basic, citizens their tracking token. Pages are called like
 * a browser (HTML accepted, session cookie kept, CSRF token sent), the JSON API without cookies.
 */
final class Caller {

    /** A response with its body read (or, for an event stream, left). */
    private record Answer(HttpResponse<java.io.InputStream> raw, String body) implements HttpResponse<String> {
        public int statusCode() { return raw.statusCode(); }
        public HttpRequest request() { return raw.request(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return raw.headers(); }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return raw.sslSession(); }
        public URI uri() { return raw.uri(); }
        public HttpClient.Version version() { return raw.version(); }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final String basic;
    private final HttpClient api = HttpClient.newHttpClient();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf;

    Caller(int port, String username, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.basic = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Calls {@code path}; a citizen's {@code token} goes where the product accepts it: the API's header,
     * a page form's body, or the ticket page's cookie (never a query string).
     */
    HttpResponse<String> call(String method, String path, String contentType, String body, String token) {
        boolean page = !path.startsWith("/api/");
        boolean get = method.equals("GET");
        if (token != null && page && !get) {
            body = body == null || body.isEmpty() ? "token=" + token : body + "&token=" + token;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        List<String> headers = new ArrayList<>();
        if (token != null && page && get) {
            headers.addAll(List.of("Cookie", "law12348_tracking=" + token));
        }
        if (contentType != null) {
            headers.addAll(List.of("Content-Type", contentType));
        }
        if (basic != null) {
            headers.addAll(List.of("Authorization", basic));
        }
        if (token != null && !page) {
            headers.addAll(List.of("X-Tracking-Token", token));
        }
        if (page) {
            headers.addAll(List.of("Accept", "text/html"));
            if (!method.equals("GET")) {
                headers.addAll(List.of("X-CSRF-TOKEN", csrfToken()));
            }
        }
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return send(page ? browser : api, request.build());
    }

    /** A GET in the browser session, as when following a redirect. */
    HttpResponse<String> follow(String location) {
        URI uri = URI.create(base).resolve(location);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/html");
        if (basic != null) {
            request.header("Authorization", basic);
        }
        return send(browser, request.build());
    }

    private String csrfToken() {
        if (csrf == null) {
            HttpResponse<String> login = send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Accept", "text/html").GET().build());
            Matcher m = CSRF.matcher(login.body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            csrf = m.group(1);
        }
        return csrf;
    }

    /** A server-sent event stream never ends: its body is left unread (the status is what counts). */
    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (java.io.InputStream in = response.body()) {
                body = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream") ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
