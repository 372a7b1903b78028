package org.law12348.bench;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake over HTTP on PostgreSQL — validation, DMN routing, the ticket, its timeline and the outbox in
 * one transaction, process start after commit — side by side with the raw ceiling: one committed
 * single-row insert per "ticket" into the same database from the same number of clients.
 */
final class IntakeBenchmark {

    private static final int CLIENTS = 16;
    private static final String TICKETS = "/api/v1/tickets";
    private static final long RUN_SECONDS = Long.getLong("bench.intake.seconds", 20);
    /**
     * JFR of a run with 5 s of warm-up: the JIT compiled at level 4 through both measured phases, 5-10
     * s of compile time per 10 s on the two cores the server uses, and runs fell into a fast and a slow
     * group (280-298 or 194-219 tickets/s). A server that has been up for a while is past that.
     */
    private static final long WARM_UP_SECONDS = Long.getLong("bench.intake.warmup.seconds", 30);
    private static final String[] REGIONS = {"440106", "440104", "440303", "440305", "440604", "441302", "442000"};
    private static final String[] TYPES = {"LEGAL_AID", "LEGAL_CONSULTATION", "MEDIATION", "NOTARIZATION", "COMPLAINT"};

    private IntakeBenchmark() {
    }

    static Map<String, String> run() throws Exception {
        String url = Bench.freshDatabase("law12348_bench_intake");
        Map<String, String> figures = new LinkedHashMap<>();
        // the ceiling gets a database of its own on the same server, so Flyway finds the product's empty
        double ceiling = ceiling(Bench.freshDatabase("law12348_bench_ceiling"));
        figures.put("raw ceiling: single-row inserts/s (16 clients, autocommit)", String.format("%.0f", ceiling));
        try (ConfigurableApplicationContext app = Bench.start(url);
             Clients clients = new Clients(((WebServerApplicationContext) app).getWebServer().getPort())) {
            measure(app, clients, ceiling, figures);
        }
        return figures;
    }

    private static void measure(ConfigurableApplicationContext app, Clients clients, double ceiling,
                                Map<String, String> figures) throws InterruptedException {
        saturate(WARM_UP_SECONDS, new Latencies(), new AtomicLong(), clients::post);
        drainOutbox(app);
        // a live server's autovacuum analyses a table after its first 50 rows; this machine's runs
        // with autovacuum off, and plans made for empty tables would be measured instead (README)
        app.getBean(JdbcTemplate.class).execute("analyze");
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        CpuMeter cpu = CpuMeter.read();
        double rate = saturate(RUN_SECONDS, latencies, errors, clients::post);
        String cpuPerTicket = cpu.perUnitSinceThen(Math.max(1, Math.round(rate * RUN_SECONDS)));
        figures.put("intake over HTTP: tickets/s (16 clients)", String.format("%.0f", rate));
        // the load generator and the process starts that follow are in the JVM's share too
        figures.put("intake at saturation: CPU ms per ticket, JVM / PostgreSQL", cpuPerTicket);
        figures.put("intake / ceiling", String.format("%.1f%%", 100 * rate / ceiling));
        figures.put("intake at saturation: p50 / p99 ms", String.format("%.1f / %.1f",
                latencies.percentileMillis(50), latencies.percentileMillis(99)));
        figures.put("intake errors", String.valueOf(errors.get()));
        // the process starts the saturation left queued are worked off before the paced run, which
        // measures the node at 200 tickets/s and not at 200/s plus a backlog of an overload
        double catchUp = drainOutbox(app);
        figures.put("process starts caught up after saturation (s)", String.format("%.1f", catchUp));
        // what the node sustains when every ticket's process has started, not only its HTTP answer
        double endToEnd = rate * RUN_SECONDS / (RUN_SECONDS + catchUp);
        figures.put("intake end to end, every process started: tickets/s", String.format("%.0f", endToEnd));
        figures.put("intake end to end / ceiling", String.format("%.1f%%", 100 * endToEnd / ceiling));
        // the same clients and server, but every submission fails validation: Tomcat, the security
        // filters, JSON and validation with nothing stored, an upper bound of any intake on this stack
        double floor = bound("submissions rejected at validation (400, nothing stored)", "rejected at validation",
                clients::postRejected, ceiling, figures);
        // cheaper still: a request the security filters turn away before Spring MVC reads its body
        bound("posts refused by the security filters (401, no credentials)", "refused by the security filters",
                clients::postWithoutCredentials, ceiling, figures);
        figures.put("intake / validation floor (target >= 40%)", String.format("%.1f%%", 100 * rate / floor));
        // the peer a Camunda user would compare with: the engine's REST API starting the same models
        double restStarts = camundaRestStarts(app, figures);
        figures.put("intake end to end / Camunda REST starts (target >= 1.0x)", String.format("%.2fx",
                endToEnd / restStarts));
        CpuMeter pacedCpu = CpuMeter.read();
        Latencies paced = paced(clients, 200, RUN_SECONDS);
        figures.put("process starts caught up after the paced run (s)", String.format("%.1f", drainOutbox(app)));
        figures.put("intake at 200 tickets/s: p50 / p99 ms", String.format("%.1f / %.1f",
                paced.percentileMillis(50), paced.percentileMillis(99)));
        // measured until the outbox is empty: every ticket's process start is included
        figures.put("intake at 200 tickets/s: CPU ms per ticket incl. process start, JVM / PostgreSQL",
                pacedCpu.perUnitSinceThen(Math.max(1, paced.count())));
    }

    /**
     * Camunda's own REST API starting the same process models for {@link #RUN_SECONDS}, saturated by
     * the same number of clients; the rate counts starts answered 200 and those processes exist then
     * (the REST start is synchronous), so it compares with intake's end-to-end figure.
     */
    private static double camundaRestStarts(ConfigurableApplicationContext app, Map<String, String> figures)
            throws InterruptedException {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        try (CamundaRestStarts rest = new CamundaRestStarts(port, app.getBean(JdbcTemplate.class))) {
            saturate(Math.min(WARM_UP_SECONDS, 10), new Latencies(), new AtomicLong(), rest::start);
            Latencies latencies = new Latencies();
            AtomicLong errors = new AtomicLong();
            double rate = saturate(RUN_SECONDS, latencies, errors, rest::start);
            figures.put("Camunda REST API: processes started/s (16 clients, same models and timer)",
                    String.format("%.0f (errors: %d, last: %s)", rate, errors.get(), rest.lastFailure()));
            figures.put("Camunda REST API: p50 / p99 ms", String.format("%.1f / %.1f",
                    latencies.percentileMillis(50), latencies.percentileMillis(99)));
            return rate;
        }
    }

    private static double ceiling(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, Bench.USER, ""); Statement s = c.createStatement()) {
            s.execute("create table bench_ceiling (id bigserial primary key, number varchar(24), "
                    + "text varchar(8000), created_at timestamp with time zone default now())");
        }
        AtomicLong inserted = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, Bench.USER, "");
                     PreparedStatement insert = c.prepareStatement(
                             "insert into bench_ceiling (number, text) values (?, ?)")) {
                    while (System.nanoTime() < deadline) {
                        insert.setString(1, "GD20261128-" + inserted.get());
                        insert.setString(2, "公司拖欠工资三个月，想申请法律援助。");
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(RUN_SECONDS + 30, TimeUnit.SECONDS);
        return inserted.get() / (double) RUN_SECONDS;
    }

    /** Saturates the server with requests that store nothing; records their rate and its ratio to the ceiling. */
    private static double bound(String name, String shortName, Request request, double ceiling,
                              Map<String, String> figures) throws InterruptedException {
        AtomicLong otherAnswers = new AtomicLong();
        double rate = saturate(RUN_SECONDS, new Latencies(), otherAnswers, request);
        figures.put(name + "/s", String.format("%.0f (other answers: %d)", rate, otherAnswers.get()));
        figures.put(shortName + " / ceiling", String.format("%.1f%%", 100 * rate / ceiling));
        return rate;
    }

    /** One request of a client; true when the answer was the expected one. */
    private interface Request {
        boolean send(Latencies latencies);
    }

    private static double saturate(long seconds, Latencies latencies, AtomicLong errors, Request request)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    if (request.send(latencies)) {
                        done.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        return done.get() / (double) seconds;
    }

    /** An open-loop load: one request every 1/rate seconds, whatever the answers take. */
    private static Latencies paced(Clients clients, int perSecond, long seconds) throws InterruptedException {
        Latencies latencies = new Latencies();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        long total = perSecond * seconds;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            senders.submit(() -> clients.post(latencies));
        }
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        return latencies;
    }

    /** One kept-alive connection per client thread. */
    private static final class Clients implements AutoCloseable {

        private final int port;
        private final List<KeepAliveHttp> opened = new CopyOnWriteArrayList<>();
        private final ThreadLocal<KeepAliveHttp> connection;

        Clients(int port) {
            this.port = port;
            this.connection = ThreadLocal.withInitial(() -> {
                KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", this.port);
                opened.add(http);
                return http;
            });
        }

        /** A valid ticket: answered 201. */
        boolean post(Latencies latencies) {
            int n = (int) (Math.random() * 1_000_000);
            return send(TICKETS, body(n, "单位拖欠工资三个月，我想咨询怎么维权，编号" + n), 201, latencies);
        }

        /** The same ticket without its text: answered 400 by validation, nothing stored. */
        boolean postRejected(Latencies latencies) {
            return send(TICKETS, body((int) (Math.random() * 1_000_000), ""), 400, latencies);
        }

        /** A post to an administrators' endpoint without credentials: answered 401 by the security filters. */
        boolean postWithoutCredentials(Latencies latencies) {
            return send("/api/v1/kb/import", body((int) (Math.random() * 1_000_000), ""), 401, latencies);
        }

        private static String body(int n, String text) {
            return "{\"businessType\":\"" + TYPES[n % TYPES.length] + "\",\"regionCode\":\""
                    + REGIONS[n % REGIONS.length] + "\",\"text\":\"" + text + "\","
                    + "\"contactPhone\":\"1380013" + String.format("%04d", n % 10000) + "\"}";
        }

        private boolean send(String path, String body, int expectedStatus, Latencies latencies) {
            long t0 = System.nanoTime();
            try {
                int status = connection.get().postJson(path, body, UUID.randomUUID().toString());
                latencies.add((System.nanoTime() - t0) / 1000);
                return status == expectedStatus;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        @Override
        public void close() {
            opened.forEach(KeepAliveHttp::close);
        }
    }

    private static double drainOutbox(ConfigurableApplicationContext app) throws InterruptedException {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long t0 = System.nanoTime();
        while (jdbc.queryForObject("select count(*) from outbox_event where processed_at is null", Long.class) > 0) {
            TimeUnit.MILLISECONDS.sleep(200);
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
                break;
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static List<String> regions() {
        return List.of(REGIONS);
    }
}
