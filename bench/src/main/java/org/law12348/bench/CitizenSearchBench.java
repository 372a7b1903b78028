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
 *
 * <p>Options (system properties): {@code kb.citizen.questions}, the question sets, comma-separated:
 * resource names beside this class ({@code citizen-questions.tsv}, the default, and
 * {@code citizen-questions-hard.tsv}) or file paths; each set is tallied on its own.
 * {@code kb.citizen.pinyin}, a pinyin weight ({@code law12348.knowledge.pinyin.weight}): when set, the
 * run also measures lexical + pinyin and hybrid + pinyin. {@code kb.citizen.rounds}: measured passes (3).
 */
final class CitizenSearchBench {

    private static final String QUESTIONS = System.getProperty("kb.citizen.questions", "citizen-questions.tsv");
    private static final String PINYIN = System.getProperty("kb.citizen.pinyin", "");
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            "admin:demo12348".getBytes(StandardCharsets.UTF_8));
    private static final int ROUNDS = Integer.getInteger("kb.citizen.rounds", 3);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);

    /** One question of a set ({@code easy} for citizen-questions.tsv, {@code hard} for -hard.tsv, else the file name). */
    record Question(String set, String style, String expectedId, String text) {
    }

    /** Per style (and "all"): the ranks found and the latencies. */
    static final class Tally {
        final Map<String, List<Integer>> ranks = new TreeMap<>();
        final Map<String, Latencies> latencies = new TreeMap<>();

        void add(String set, String style, int rank, long micros) {
            for (String key : List.of(set + " " + style, set + " all")) {
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
        Map<String, Tally> modes = new LinkedHashMap<>();
        try (ElasticsearchChild node = ElasticsearchChild.start(classpathFile)) {
            String port = "law12348.bench.elasticsearch-port=" + node.httpPort();
            long t = System.nanoTime();
            try (ConfigurableApplicationContext app = Bench.application().sources(OnTestNode.class)
                    .run(args(db, indexDir, false, null, port))) {
                report.append(line("Elasticsearch, lexical only: start-up incl. indexing the tables", millis(t) + " ms"));
                modes.put("lexical", ask(app, questions));
            }
            t = System.nanoTime();
            try (ConfigurableApplicationContext app = Bench.application().sources(OnTestNode.class)
                    .run(args(db, indexDir, true, null, port))) {
                report.append(line("Elasticsearch, hybrid: start-up", millis(t) + " ms"));
                awaitReady(app);
                report.append(line("Elasticsearch, hybrid: semantic index ready", millis(t) + " ms after start"));
                modes.put("hybrid", ask(app, questions));
            }
            if (!PINYIN.isBlank()) {
                try (ConfigurableApplicationContext app = Bench.application().sources(OnTestNode.class)
                        .run(args(db, indexDir, false, PINYIN, port))) {
                    modes.put("lexical+pinyin", ask(app, questions));
                }
                try (ConfigurableApplicationContext app = Bench.application().sources(OnTestNode.class)
                        .run(args(db, indexDir, true, PINYIN, port))) {
                    awaitReady(app);
                    modes.put("hybrid+pinyin", ask(app, questions));
                }
            }
        }
        System.out.println(report);
        System.out.println("Elasticsearch 7.10.2 (in-JVM node, child JVM)\n" + table(modes));
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
        StringBuilder report = new StringBuilder(line("load average at the start", loadAverage()));
        Map<String, Tally> modes = new LinkedHashMap<>();

        // 1. lexical only, as before this change: start-up, import, answers
        long t = System.nanoTime();
        try (ConfigurableApplicationContext app = start(db, indexDir, false, null)) {
            report.append(line("lexical-only start-up (empty knowledge base + demo content)", millis(t) + " ms"));
            t = System.nanoTime();
            String imported = post(app, "/api/v1/kb/import", Files.readString(corpus));
            report.append(line("import of the corpus over HTTP, lexical only", millis(t) + " ms " + imported));
            modes.put("lexical", ask(app, questions));
            report.append(line("resident memory after the lexical run", rssMegabytes() + " MB"));
        }
        // 2. hybrid on the same tables: no vector stored yet, so the build computes 7,485 in the background
        t = System.nanoTime();
        try (ConfigurableApplicationContext app = start(db, indexDir, true, null)) {
            report.append(line("hybrid start-up, no vector stored yet (build runs in the background)", millis(t) + " ms"));
            long probe = System.nanoTime();
            int during = search(app, "老板拖欠工资不给怎么办").size();
            report.append(line("a search while the semantic index builds", (System.nanoTime() - probe) / 1000 / 1000.0
                    + " ms, " + during + " hits, status " + status(app).path("state").asText()));
            JsonNode ready = awaitReady(app);
            report.append(line("semantic index built in the background", millis(t) + " ms after start: " + ready));
            modes.put("hybrid", ask(app, questions));
            report.append(line("resident memory after the hybrid run", rssMegabytes() + " MB"));
        }
        // 3. hybrid again: vectors are stored, only the graph is rebuilt (with the pinyin when asked)
        t = System.nanoTime();
        try (ConfigurableApplicationContext app = start(db, indexDir, true, PINYIN.isBlank() ? null : PINYIN)) {
            report.append(line("hybrid start-up with stored vectors", millis(t) + " ms"));
            awaitReady(app);
            report.append(line("semantic index ready (graph from stored vectors)", millis(t) + " ms after start"));
            if (!PINYIN.isBlank()) {
                modes.put("hybrid+pinyin", ask(app, questions));
            }
        }
        if (!PINYIN.isBlank()) {
            try (ConfigurableApplicationContext app = start(db, indexDir, false, PINYIN)) {
                modes.put("lexical+pinyin", ask(app, questions));
            }
        }
        report.append(line("load average at the end of the Lucene runs", loadAverage()));
        System.out.println(report);
        System.out.println("Lucene (embedded)\n" + table(modes));
        if (esClasspath != null) {
            runOnElasticsearch(db, indexDir, questions, esClasspath);
            System.out.println(line("load average at the end", loadAverage()));
        }
        for (String key : modes.get("hybrid").ranks.keySet()) {
            StringBuilder value = new StringBuilder();
            modes.forEach((mode, tally) -> value.append(value.isEmpty() ? "" : " · ").append(String.format(Locale.ROOT,
                    "%s %.3f / %.3f", mode, tally.recall(key, 1), tally.recall(key, 5))));
            figures.put("citizen search, " + key + ": R@1 / R@5", value.toString());
        }
        Tally hybrid = modes.get("hybrid");
        for (String key : hybrid.latencies.keySet().stream().filter(k -> k.endsWith(" all")).toList()) {
            figures.put("citizen search, " + key + ", hybrid p50 / p99 ms (HTTP)", String.format(Locale.ROOT, "%.1f / %.1f",
                    hybrid.latencies.get(key).percentileMillis(50), hybrid.latencies.get(key).percentileMillis(99)));
        }
        return figures;
    }

    private ConfigurableApplicationContext start(String db, Path indexDir, boolean semantic, String pinyin) {
        return Bench.start(db, settings(indexDir, semantic, pinyin));
    }

    private static String[] settings(Path indexDir, boolean semantic, String pinyin, String... more) {
        List<String> settings = new ArrayList<>(List.of("law12348.knowledge.index-dir=" + indexDir,
                "law12348.knowledge.semantic.enabled=" + semantic,
                // explicit either way, so the measured mode does not follow the product's default
                "law12348.knowledge.pinyin.enabled=" + (pinyin != null),
                "server.tomcat.max-swallow-size=-1"));
        if (pinyin != null) {
            settings.add("law12348.knowledge.pinyin.weight=" + pinyin);
        }
        settings.addAll(List.of(more));
        return settings.toArray(String[]::new);
    }

    private static String[] args(String db, Path indexDir, boolean semantic, String pinyin, String... more) {
        return Bench.arguments(db, settings(indexDir, semantic, pinyin, more));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
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
                tally.add(q.set(), q.style(), ids.indexOf(q.expectedId()) + 1, micros);
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
        for (String name : QUESTIONS.split(",")) {
            out.addAll(questions(name.strip()));
        }
        return out;
    }

    /** One set: a resource beside this class, or else a file. */
    static List<Question> questions(String name) throws IOException {
        String set = name.endsWith("citizen-questions.tsv") ? "easy"
                : name.endsWith("citizen-questions-hard.tsv") ? "hard" : Path.of(name).getFileName().toString();
        List<Question> out = new ArrayList<>();
        InputStream resource = CitizenSearchBench.class.getResourceAsStream("/org/law12348/bench/" + name);
        try (InputStream in = resource != null ? resource : Files.newInputStream(Path.of(name))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t");
                    if (parts.length != 3) {
                        throw new IllegalArgumentException(name + ": not style<TAB>id<TAB>question: " + line);
                    }
                    out.add(new Question(set, parts[0], parts[1], parts[2]));
                }
            }
        }
        return out;
    }

    private static String table(Map<String, Tally> modes) {
        Tally any = modes.values().iterator().next();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d measured rounds%n"
                + "| set and style | mode | n | R@1 | R@5 | R@10 | MRR@10 | p50 ms | p99 ms |%n|---|---|---|---|---|---|---|---|---|%n",
                ROUNDS));
        for (String key : any.ranks.keySet()) {
            modes.forEach((mode, tally) -> out.append(String.format(Locale.ROOT,
                    "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f | %.1f |%n",
                    key, mode, tally.ranks.get(key).size() / ROUNDS, tally.recall(key, 1),
                    tally.recall(key, 5), tally.recall(key, 10), tally.mrr(key),
                    tally.latencies.get(key).percentileMillis(50), tally.latencies.get(key).percentileMillis(99))));
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
