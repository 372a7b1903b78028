package org.law12348.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser for the portal's pages: keeps cookies, follows no redirect, posts forms
 * with the CSRF token of the page it read last.
 */
final class FormClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrf;

    FormClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    CookieManager cookies() {
        return cookies;
    }

    HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(base + path)).GET().build()));
    }

    HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return remember(send(request.build()));
    }

    static String hidden(HttpResponse<String> page, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"\\s+value=\"([^\"]*)\"").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no hidden field " + name + " on the page");
        }
        return m.group(1);
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
