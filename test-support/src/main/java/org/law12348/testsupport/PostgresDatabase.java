package org.law12348.testsupport;

import org.junit.jupiter.api.Assumptions;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the PostgreSQL at 127.0.0.1:5432 (or {@code POSTGRES_TEST_URL}, as
 * {@code POSTGRES_TEST_USER}) for one test class. Without a server the tests are skipped — but never
 * under CI, where PostgreSQL must be there and its absence fails.
 */
public final class PostgresDatabase {

    public static final String HOST_URL = System.getenv().getOrDefault("POSTGRES_TEST_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getenv().getOrDefault("POSTGRES_TEST_USER", "postgres");
    /** The database connected to for creating and dropping the others; every server has it. */
    private static final String MAINTENANCE = "postgres";

    private PostgresDatabase() {
    }

    /** Creates a new, empty database named after {@code prefix} and returns its JDBC URL. */
    public static String create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            execute("create database " + name);
        } catch (SQLException e) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("PostgreSQL at " + HOST_URL + " is required under CI", e);
            }
            Assumptions.abort("PostgreSQL is not reachable at " + HOST_URL + " (" + e.getMessage()
                    + "); skipping outside CI");
        }
        return HOST_URL + name;
    }

    /**
     * Creates a database as {@link #create} does and makes it the data source of the Spring test whose
     * {@code @DynamicPropertySource} this is called from; returns its JDBC URL (to {@link #drop} it).
     */
    public static String register(DynamicPropertyRegistry registry, String prefix) {
        String url = create(prefix);
        use(registry, url);
        return url;
    }

    /** Makes the database at {@code url} (made by {@link #create}) the data source of a Spring test. */
    public static void use(DynamicPropertyRegistry registry, String url) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }

    /** Drops a database {@link #create} made, closing the connections still open to it. */
    public static void drop(String url) {
        if (url == null || !url.startsWith(HOST_URL)) {
            return;
        }
        try {
            execute("drop database if exists " + url.substring(HOST_URL.length()) + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the test database " + url, e);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(HOST_URL + MAINTENANCE, USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
