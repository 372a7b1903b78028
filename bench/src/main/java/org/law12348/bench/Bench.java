package org.law12348.bench;

import org.law12348.app.ContactCenterApplication;
import org.law12348.personaldata.privacy.PrivacyProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry point for the benchmarks. Each runs the real application on PostgreSQL (127.0.0.1:5432) in
 * a fresh database and prints its figures; at the end one table sums them up.
 *
 * <pre>bench/run.sh [intake] [storm] [fastagi] [search] [similar] [queue] [screenpop] [screenpop-browser]</pre> (all but the screen pops without arguments)
 */
public final class Bench {

    static final String PG = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("bench.user", "postgres");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> chosen = args.length == 0 ? List.of("intake", "storm", "fastagi", "search", "similar", "queue")
                : Arrays.asList(args);
        Map<String, String> table = new LinkedHashMap<>();
        for (String name : chosen) {
            switch (name) {
                case "intake" -> table.putAll(IntakeBenchmark.run());
                case "storm" -> table.putAll(StormBenchmark.run());
                case "fastagi" -> table.putAll(fastAgi());
                case "search" -> table.putAll(KnowledgeSearchBench.run(
                        Path.of(System.getProperty("bench.qa", "../shared/data/legal-qa/qa.jsonl")),
                        Integer.getInteger("bench.search.questions", 300),
                        Path.of("knowledge-base-es-tests/target/classpath.txt")));
                case "citizen" -> table.putAll(new CitizenSearchBench()
                        .onElasticsearch(Path.of("knowledge-base-es-tests/target/classpath.txt")).run(
                        Path.of(System.getProperty("bench.qa", "../shared/data/legal-qa/qa.jsonl"))));
                case "similar" -> table.putAll(SimilarTicketsBenchmark.run(
                        Path.of(System.getProperty("bench.qa", "../shared/data/legal-qa/qa.jsonl"))));
                case "screenpop" -> table.putAll(ScreenPopBench.run(Integer.getInteger("bench.screenpop.calls", 100)));
                case "screenpop-browser" -> table.putAll(ScreenPopBrowserBench.run(Integer.getInteger("bench.screenpop.calls", 100)));
                case "queue" -> table.putAll(QueuePageBenchmark.run(Integer.getInteger("bench.queue.tickets", 1_000_000),
                        Integer.getInteger("bench.queue.rounds", 100)));
                default -> throw new IllegalArgumentException(
                        "Unknown benchmark " + name + " (intake, storm, fastagi, search, citizen, similar, queue, screenpop, screenpop-browser)");
            }
        }
        StringBuilder out = new StringBuilder("\n| figure | value |\n|---|---|\n");
        table.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(out);
    }

    /** 200 simultaneous hotline calls through the menu to the queue, then 200 that leave a message. */
    private static Map<String, String> fastAgi() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> figures = new LinkedHashMap<>();
        try (ConfigurableApplicationContext app = start(freshDatabase("law12348_bench_fastagi"),
                "law12348.telephony.fastagi.enabled=true", "law12348.telephony.fastagi.port=" + port,
                "law12348.telephony.fastagi.bind-address=127.0.0.1", "law12348.telephony.hours.always-open=true")) {
            int calls = Integer.getInteger("bench.fastagi.calls", 200);
            figures.putAll(FastAgiLoad.measure("127.0.0.1", port, "queue", calls, calls));
            figures.putAll(FastAgiLoad.measure("127.0.0.1", port, "message", calls, calls));
        }
        return figures;
    }

    /**
     * Keeps the test applications of the test-jars on the bench's classpath (the knowledge-base search
     * evaluation) out of the product's component scan.
     */
    static final class TestJarExclusion extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String where = reader.getResource().getURL().toString();
            return where.contains("-tests.jar") || where.contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestJarExclusion;
        }

        @Override
        public int hashCode() {
            return TestJarExclusion.class.hashCode();
        }
    }

    /** A new, empty database for one benchmark; returns its JDBC URL. */
    static String freshDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(PG + "test", USER, "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return PG + name;
    }

    /**
     * The public demo keys for personal data, allowed explicitly: a bench database is thrown away, and
     * the postgres profile otherwise insists on keys from the environment.
     */
    static final List<String> DEMO_PRIVACY_KEYS = List.of("law12348.privacy.demo-keys-allowed=true",
            "law12348.privacy.active-key=demo", "law12348.privacy.keys.demo=" + PrivacyProperties.DEMO_KEY,
            "law12348.privacy.blind-index-key=" + PrivacyProperties.DEMO_BLIND_INDEX_KEY);

    /** The whole product on the postgres profile against that database, on a random port. */
    static ConfigurableApplicationContext start(String url, String... extra) {
        return application().run(arguments(url, extra));
    }

    /** The command-line arguments {@link #start} runs the product with. */
    static String[] arguments(String url, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.profiles.active=postgres",
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + USER,
                "spring.datasource.hikari.maximum-pool-size=40",
                "server.port=0",
                "server.tomcat.threads.max=64",
                "law12348.demo.accounts=true",
                // the benchmarks are one client address sending at full speed: the per-address abuse
                // limits (law12348.security.rate-limits) would measure themselves, not the product
                "law12348.security.rate-limits.intake.requests=2000000000",
                "law12348.security.rate-limits.intake.per=PT1M",
                "law12348.security.rate-limits.knowledge-search.requests=2000000000",
                "law12348.security.rate-limits.knowledge-search.per=PT1M",
                "law12348.security.rate-limits.miniapp-sign-in.requests=2000000000",
                "law12348.security.rate-limits.miniapp-sign-in.per=PT1M",
                "logging.level.root=WARN",
                "logging.level.org.law12348=WARN",
                "spring.main.banner-mode=off"));
        properties.addAll(DEMO_PRIVACY_KEYS);
        properties.addAll(List.of(extra));
        // -Dbench.app="a=1,b=2" tries product settings without a rebuild (e.g. job executor threads)
        String tried = System.getProperty("bench.app", "");
        if (!tried.isBlank()) {
            properties.addAll(List.of(tried.split(",")));
        }
        // as command-line arguments, so they win over the postgres profile's defaults
        return properties.stream().map(p -> "--" + p).toArray(String[]::new);
    }

    /** The product's application, without the test applications of the test-jars on this classpath. */
    static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ContactCenterApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchExcludesTestJars",
                        new TestJarExclusion()));
    }
}
