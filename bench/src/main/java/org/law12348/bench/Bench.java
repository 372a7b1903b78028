package org.law12348.bench;

import org.law12348.app.ContactCenterApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
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
 * <pre>./mvnw -q -pl bench -am install -DskipTests && ./mvnw -q -pl bench exec:java -Dexec.args="intake storm"</pre>
 */
public final class Bench {

    static final String PG = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("bench.user", "postgres");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> chosen = args.length == 0 ? List.of("intake", "storm") : Arrays.asList(args);
        Map<String, String> table = new LinkedHashMap<>();
        for (String name : chosen) {
            switch (name) {
                case "intake" -> table.putAll(IntakeBenchmark.run());
                case "storm" -> table.putAll(StormBenchmark.run());
                default -> throw new IllegalArgumentException("Unknown benchmark " + name + " (intake, storm)");
            }
        }
        StringBuilder out = new StringBuilder("\n| figure | value |\n|---|---|\n");
        table.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(out);
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

    /** The whole product on the postgres profile against that database, on a random port. */
    static ConfigurableApplicationContext start(String url, String... extra) {
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
                "law12348.security.rate-limits.knowledge-search.requests=2000000000",
                "law12348.security.rate-limits.miniapp-sign-in.requests=2000000000",
                "logging.level.root=WARN",
                "logging.level.org.law12348=WARN",
                "spring.main.banner-mode=off"));
        properties.addAll(List.of(extra));
        // as command-line arguments, so they win over the postgres profile's defaults
        return new SpringApplicationBuilder(ContactCenterApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchExcludesTestJars",
                        new TestJarExclusion()))
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }
}
