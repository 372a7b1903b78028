package org.law12348.app;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the PostgreSQL at 127.0.0.1:5432 for one test class. Without a server the
 * tests are skipped — but never under CI, where PostgreSQL must be there and its absence fails.
 */
public final class PostgresDatabase {

    public static final String HOST_URL = System.getenv().getOrDefault("POSTGRES_TEST_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getenv().getOrDefault("POSTGRES_TEST_USER", "postgres");

    private PostgresDatabase() {
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    public static String create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(HOST_URL + "test", USER, "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("PostgreSQL at " + HOST_URL + " is required under CI", e);
            }
            Assumptions.abort("PostgreSQL is not reachable at " + HOST_URL + " (" + e.getMessage()
                    + "); skipping outside CI");
        }
        return HOST_URL + name;
    }
}
