package org.law12348.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The knowledge-base search as citizens meet it, over HTTP, lexical only against hybrid: the product
 * on PostgreSQL with the research Q&amp;A corpus imported through {@code POST /api/v1/kb/import} (read from
 * {@code ../shared}, never copied into the repository) beside the shipped statutes, asked the
 * hand-written citizen questions of {@code citizen-questions.tsv} (stories, a few words, spoken style
 * with homophone typos) through {@code GET /api/v1/kb/search}. Per style: recall@1/@5/@10, MRR@10 and
 * p50/p99 of the HTTP round trip. Also what the semantic half costs: start-up, the background build,
 * the process's resident memory. Usage: {@code bench/run.sh citizen} or
 * {@code CitizenSearchBench [qa.jsonl]}.
 */
final class CitizenSearchBench {

    private static final String QUESTIONS = "/org/law12348/bench/citizen-questions.tsv";
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            "admin:demo12348".getBytes(StandardCharsets.UTF_8));
    private static final int ROUNDS = Integer.getInteger("kb.citizen.rounds", 3);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);

    record Question(String style, String expectedId, String text) {
    }

    /** Per style (and "all"): the ranks found and the latencies. */
    static final class Tally {
        final Map<String, List<Integer>> ranks = new TreeMap<>();
        final Map<String, Latencies> latencies = new TreeMap<>();

        void add(String style, int rank, long micros) {
            for (String key : List.of(style, "all")) {
                ranks.computeIfAbsent(key, k -> new ArrayList<>()).add(rank);
                latencies.computeIfAbsent(key, k -> new Latencies()).add(micros);
            }
        }

        double recall(String style, int at) {
            List<Integer> r = ranks.get(style);
            return r.stream().filter(x -> x > 0 && x <= at).count() / (double) r.size();
        }

        double mrr(String style) {
            List<Integer> r = ranks.get(style);
            return r.stream().mapToDouble(x -> x > 0 ? 1.0 / x : 0).sum() / r.size();
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/data/legal-qa/qa.jsonl");
        CitizenSearchBench bench = new CitizenSearchBench();
        if (args.length > 1) {
            bench.onElasticsearch(Path.of(args[1]));
        }
        bench.run(corpus).forEach((k, v) -> System.out.println(k + ": " + v));
    }

    private Path esClasspath;

    /** Also runs both modes on the in-JVM Elasticsearch 7.10.2 node (a child JVM) with the same tables. */
    CitizenSearchBench onElasticsearch(Path classpathFile) {
        this.esClasspath = classpathFile;
        return this;
    }

    private void runOnElasticsearch(String db, Path indexDir, List<Question> questions, Path classpathFile)
            throws Exception {
        StringBuilder report = new StringBuilder();
        Tally lexical;
        Tally hybrid;
        try (ElasticsearchChild node = ElasticsearchChild.start(classpathFile)) {
            String port = "law12348.bench.elasticsearch-port=" + node.httpPort();
            long t = System.nanoTime();
            try (ConfigurableApplicationContext app = Bench.application().sources(OnTestNode.class)
                    .run(args(db, indexDir, false, port))) {
                report.append(line("Elasticsearch, lexical only: start-up incl. indexing the tables", millis(t) + " ms"));
                lexical = ask(app, questions);
            }
            t = System.nanoTime();
            try (ConfigurableApplicationContext app = Bench.application().sources(OnTestNode.class)
                    .run(args(db, indexDir, true, port))) {
                report.append(line("Elasticsearch, hybrid: start-up", millis(t) + " ms"));
                awaitReady(app);
                report.append(line("Elasticsearch, hybrid: semantic index ready", millis(t) + " ms after start"));
                hybrid = ask(app, questions);
            }
        }
        System.out.println(report);
        System.out.println("Elasticsearch 7.10.2 (in-JVM node, child JVM)\n" + table(lexical, hybrid, questions.size()));
    }

    /**
     * The product with its knowledge base on the test node: the 7.10 node needs the test clients'
     * compatibility headers ({@code Elasticsearch7Clients}), so this client is primary; everything else
     * is the product's wiring.
     */
    // no @Configuration: the product's component scan covers this package, and only the Elasticsearch
    // runs may see this bean (it is passed to them as a source)
    static class OnTestNode {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        org.law12348.knowledge.KnowledgeSearch testNodeKnowledgeSearch(
                @org.springframework.beans.factory.annotation.Value("${law12348.bench.elasticsearch-port}") int port) {
            return new org.law12348.knowledge.internal.elasticsearch.ElasticsearchKnowledgeSearch(
                    org.law12348.knowledge.evaluation.Elasticsearch7Clients.onLocalPort(port), "kb-citizen");
        }
    }

    Map<String, String> run(Path corpus) throws Exception {
        List<Question> questions = questions();
        Map<String, String> figures = new LinkedHashMap<>();
        String db = Bench.freshDatabase("law12348_bench_citizen");
        Path indexDir = Files.createTempDirectory("kb-citizen-index");
        StringBuilder report = new StringBuilder();

        // 1. lexical only, as before this change: start-up, import, answers
        long t = System.nanoTime();
        Tally lexical;
        try (ConfigurableApplicationContext app = start(db, indexDir, false)) {
            report.append(line("lexical-only start-up (empty knowledge base + demo content)", millis(t) + " ms"));
            t = System.nanoTime();
            String imported = post(app, "/api/v1/kb/import", Files.readString(corpus));
            report.append(line("import of the corpus over HTTP, lexical only", millis(t) + " ms " + imported));
            lexical = ask(app, questions);
            report.append(line("resident memory after the lexical run", rssMegabytes() + " MB"));
        }
        // 2. hybrid on the same tables: no vector stored yet, so the build computes 7,485 in the background
        t = System.nanoTime();
        Tally hybrid;
        try (ConfigurableApplicationContext app = start(db, indexDir, true)) {
            report.append(line("hybrid start-up, no vector stored yet (build runs in the background)", millis(t) + " ms"));
            long probe = System.nanoTime();
            int during = search(app, "老板拖欠工资不给怎么办").size();
            report.append(line("a search while the semantic index builds", (System.nanoTime() - probe) / 1000 / 1000.0
                    + " ms, " + during + " hits, status " + status(app).path("state").asText()));
            JsonNode ready = awaitReady(app);
            report.append(line("semantic index built in the background", millis(t) + " ms after start: " + ready));
            hybrid = ask(app, questions);
            report.append(line("resident memory after the hybrid run", rssMegabytes() + " MB"));
        }
        // 3. hybrid again: vectors are stored, only the graph is rebuilt
        t = System.nanoTime();
        try (ConfigurableApplicationContext app = start(db, indexDir, true)) {
            report.append(line("hybrid start-up with stored vectors", millis(t) + " ms"));
            awaitReady(app);
            report.append(line("semantic index ready (graph from stored vectors)", millis(t) + " ms after start"));
        }
        System.out.println(report);
        System.out.println("Lucene (embedded)\n" + table(lexical, hybrid, questions.size()));
        if (esClasspath != null) {
            runOnElasticsearch(db, indexDir, questions, esClasspath);
        }
        for (String style : hybrid.ranks.keySet()) {
            figures.put("citizen search, " + style + ": R@1 / R@5 lexical → hybrid", String.format(Locale.ROOT,
                    "%.3f / %.3f → %.3f / %.3f", lexical.recall(style, 1), lexical.recall(style, 5),
                    hybrid.recall(style, 1), hybrid.recall(style, 5)));
        }
        figures.put("citizen search, hybrid p50 / p99 ms (HTTP)", String.format(Locale.ROOT, "%.1f / %.1f",
                hybrid.latencies.get("all").percentileMillis(50), hybrid.latencies.get("all").percentileMillis(99)));
        return figures;
    }

    private ConfigurableApplicationContext start(String db, Path indexDir, boolean semantic) {
        return Bench.start(db, settings(indexDir, semantic));
    }

    private static String[] settings(Path indexDir, boolean semantic, String... more) {
        List<String> settings = new ArrayList<>(List.of("law12348.knowledge.index-dir=" + indexDir,
                "law12348.knowledge.semantic.enabled=" + semantic,
                "server.tomcat.max-swallow-size=-1"));
        settings.addAll(List.of(more));
        return settings.toArray(String[]::new);
    }

    private static String[] args(String db, Path indexDir, boolean semantic, String... more) {
        return Bench.arguments(db, settings(indexDir, semantic, more));
    }

    private Tally ask(ConfigurableApplicationContext app, List<Question> questions) throws Exception {
        for (Question q : questions) {
            search(app, q.text());
        }
        Tally tally = new Tally();
        for (int round = 0; round < ROUNDS; round++) {
            for (Question q : questions) {
                long start = System.nanoTime();
                List<String> ids = search(app, q.text());
                long micros = (System.nanoTime() - start) / 1000;
                tally.add(q.style(), ids.indexOf(q.expectedId()) + 1, micros);
            }
        }
        return tally;
    }

    private List<String> search(ConfigurableApplicationContext app, String q) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(app, "/api/v1/kb/search?limit=10&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
        }
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).forEach(hit -> ids.add(hit.path("id").asText()));
        return ids;
    }

    private JsonNode status(ConfigurableApplicationContext app) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(app, "/api/v1/kb/semantic-index"))
                .header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private JsonNode awaitReady(ConfigurableApplicationContext app) throws Exception {
        long deadline = System.nanoTime() + BUILD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = status(app);
            if (!"BUILDING".equals(status.path("state").asText())) {
                return status;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The semantic index was not built within " + BUILD_TIMEOUT);
    }

    private String post(ConfigurableApplicationContext app, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(app, path))
                .header("Authorization", ADMIN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode report = json.readTree(response.body());
        return response.statusCode() + " created=" + report.path("created").asText() + " errors="
                + report.path("errors").size();
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort() + path);
    }

    static List<Question> questions() throws IOException {
        List<Question> out = new ArrayList<>();
        try (InputStream in = CitizenSearchBench.class.getResourceAsStream(QUESTIONS)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t");
                    out.add(new Question(parts[0], parts[1], parts[2]));
                }
            }
        }
        return out;
    }

    private static String table(Tally lexical, Tally hybrid, int questions) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d citizen questions, %d measured rounds%n"
                + "| style | mode | n | R@1 | R@5 | R@10 | MRR@10 | p50 ms | p99 ms |%n|---|---|---|---|---|---|---|---|---|%n",
                questions, ROUNDS));
        for (String style : hybrid.ranks.keySet()) {
            for (Map.Entry<String, Tally> mode : Map.of("lexical", lexical, "hybrid", hybrid).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList()) {
                Tally tally = mode.getValue();
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f | %.1f |%n",
                        style, mode.getKey(), tally.ranks.get(style).size() / ROUNDS, tally.recall(style, 1),
                        tally.recall(style, 5), tally.recall(style, 10), tally.mrr(style),
                        tally.latencies.get(style).percentileMillis(50), tally.latencies.get(style).percentileMillis(99)));
            }
        }
        return out.toString();
    }

    private static String line(String what, String value) {
        return "  " + what + ": " + value + System.lineSeparator();
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long rssMegabytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
