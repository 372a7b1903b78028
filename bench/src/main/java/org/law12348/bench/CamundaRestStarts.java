package org.law12348.bench;

import org.law12348.workflow.ProcessKeys;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer a Camunda user would measure intake against: Camunda's own REST API
 * ({@code POST /engine-rest/process-definition/key/{key}/start}) starting the same process models with
 * the same variables (so the same 24-hour timer), on the same engine, database and clients, with no
 * ticket behind them. Each client signs in once as the demo administrator, as a browser would, and
 * then sends the session cookie and its CSRF token: the per-request cost of our security filters is
 * in this figure, the cost of checking a password is not.
 *
 * <p>The mix of process models follows what intake started in the same run (service requests and
 * pool consultations are not equally expensive: only the latter has the 24-hour timer).
 */
final class CamundaRestStarts implements AutoCloseable {

    private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

    private final int port;
    private final List<String> keysByTicket;
    private final List<KeepAliveHttp> opened = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Client> client;
    private volatile String lastFailure = "none";

    private record Client(KeepAliveHttp http, String[] headers) {
    }

    CamundaRestStarts(int port, JdbcTemplate jdbc) {
        this.port = port;
        this.keysByTicket = mixOfStartedProcesses(jdbc);
        this.client = ThreadLocal.withInitial(this::signIn);
    }

    /** One start of a process model, chosen in the proportions intake started them; true when answered 200. */
    boolean start(Latencies latencies) {
        int n = (int) (Math.random() * 1_000_000);
        String key = keysByTicket.get(n % keysByTicket.size());
        Instant dueAt = Instant.now().plus(Duration.ofDays(5));
        String body = "{\"businessKey\":\"REST-" + UUID.randomUUID() + "\",\"variables\":{"
                + "\"" + ProcessKeys.VAR_DUE_AT + "\":{\"value\":\"" + REST_DATE.format(dueAt) + "\",\"type\":\"Date\"},"
                + "\"" + ProcessKeys.VAR_ANSWER_WINDOW + "\":{\"value\":\"" + Duration.ofHours(24) + "\",\"type\":\"String\"},"
                + "\"" + ProcessKeys.VAR_AUTO_CLOSE_AFTER + "\":{\"value\":\"" + Duration.ofDays(7) + "\",\"type\":\"String\"}}}";
        Client c = client.get();
        long t0 = System.nanoTime();
        try {
            int status = c.http().postJsonWith("/engine-rest/process-definition/key/" + key + "/start", body,
                    c.headers());
            latencies.add((System.nanoTime() - t0) / 1000);
            if (status != 200) {
                lastFailure = "HTTP " + status;
            }
            return status == 200;
        } catch (IOException | RuntimeException e) {
            lastFailure = e.toString();
            return false;
        }
    }

    /** What the last failed start met ("none" when every start succeeded). */
    String lastFailure() {
        return lastFailure;
    }

    /** Ten slots filled with process keys in the proportions of the instances intake started. */
    private static List<String> mixOfStartedProcesses(JdbcTemplate jdbc) {
        List<Map<String, Object>> counts = jdbc.queryForList("select proc_def_key_ as k, count(*) as n "
                + "from act_hi_procinst where business_key_ not like 'REST-%' group by proc_def_key_");
        long total = counts.stream().mapToLong(row -> ((Number) row.get("n")).longValue()).sum();
        List<String> slots = new ArrayList<>();
        for (Map<String, Object> row : counts) {
            long share = Math.round(10.0 * ((Number) row.get("n")).longValue() / Math.max(1, total));
            for (long i = 0; i < share; i++) {
                slots.add((String) row.get("k"));
            }
        }
        if (slots.isEmpty()) {
            slots.add(ProcessKeys.CONSULTATION);
        }
        return List.copyOf(slots);
    }

    /** Signs in through the workspace's session API, once per client thread. */
    private Client signIn() {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port + "/api/v1/session";
        try {
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(base)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String xsrf = cookie(first, "XSRF-TOKEN");
            String form = "username=admin&password=" + URLEncoder.encode("demo12348", StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 200) {
                throw new IllegalStateException("Demo administrator sign-in answered " + signedIn.statusCode()
                        + ": " + signedIn.body());
            }
            String session = cookie(signedIn, "JSESSIONID");
            // /engine-rest keeps its CSRF token in the session (SecurityConfiguration's web chain); a
            // page of that chain hands it out in its forms
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/login")).header("Cookie", "JSESSIONID=" + session)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = FORM_TOKEN.matcher(page.body());
            if (!csrf.find()) {
                throw new IllegalStateException("No CSRF token on /login (" + page.statusCode() + ")");
            }
            KeepAliveHttp connection = new KeepAliveHttp("127.0.0.1", port);
            opened.add(connection);
            return new Client(connection, new String[] {"Cookie: JSESSIONID=" + session, "X-CSRF-TOKEN: " + csrf.group(1)});
        } catch (IOException e) {
            throw new IllegalStateException("Cannot sign in to the product on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signing in", e);
        }
    }

    private static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher m = COOKIE.matcher(header);
            if (m.find() && m.group(1).trim().equals(name) && !m.group(2).isEmpty()) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("No " + name + " cookie in the answer " + response.statusCode()
                + " to " + response.uri());
    }

    @Override
    public void close() {
        opened.forEach(KeepAliveHttp::close);
    }
}
