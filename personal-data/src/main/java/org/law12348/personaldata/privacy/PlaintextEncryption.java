package org.law12348.personaldata.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Moves clear-text personal data of existing rows into encrypted and hashed columns, for the Java
 * migrations of each module. It reads in id order, a batch at a time, so a million tickets never sit
 * in memory at once. The caller drops the clear columns afterwards, in the same migration, so clear
 * data is never dropped without its encrypted copy.
 */
public final class PlaintextEncryption {

    /**
     * One clear column and where its ciphertext and hash go ({@code hash} null: a value never looked up);
     * {@code normalise} gives the value to keep.
     */
    public record Column(String plain, String encrypted, String hash, UnaryOperator<String> normalise) {

        public Column(String plain, String encrypted, String hash) {
            this(plain, encrypted, hash, UnaryOperator.identity());
        }
    }

    private static final int BATCH = 500;

    private final PersonalDataCipher cipher;

    public PlaintextEncryption(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** Encrypts every row of {@code table} holding a clear value; answers how many rows it rewrote. */
    public int encrypt(Connection connection, String table, String idColumn, List<Column> columns) throws SQLException {
        String plain = columns.stream().map(Column::plain).collect(Collectors.joining(", "));
        String anyPresent = columns.stream().map(c -> c.plain() + " is not null").collect(Collectors.joining(" or "));
        String select = "select " + idColumn + ", " + plain + " from " + table + " where " + idColumn + " > ? and ("
                + anyPresent + ") order by " + idColumn + " fetch first " + BATCH + " rows only";
        String update = "update " + table + " set " + columns.stream()
                .map(c -> c.encrypted() + " = ?" + (c.hash() == null ? "" : ", " + c.hash() + " = ?"))
                .collect(Collectors.joining(", "))
                + " where " + idColumn + " = ?";
        int rewritten = 0;
        long after = Long.MIN_VALUE;
        try (PreparedStatement read = connection.prepareStatement(select);
             PreparedStatement write = connection.prepareStatement(update)) {
            while (true) {
                read.setLong(1, after);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(1);
                        ids.add(after);
                        int p = 1;
                        for (int i = 0; i < columns.size(); i++) {
                            String value = rows.getString(i + 2);
                            value = value == null || value.isBlank() ? null : columns.get(i).normalise().apply(value.strip());
                            write.setString(p++, cipher.encrypt(value));
                            if (columns.get(i).hash() != null) {
                                write.setString(p++, cipher.blindIndex(value));
                            }
                        }
                        write.setLong(p, after);
                        write.addBatch();
                    }
                }
                if (ids.isEmpty()) {
                    return rewritten;
                }
                write.executeBatch();
                rewritten += ids.size();
            }
        }
    }

    /** Runs DDL statements in order (dropping the clear columns and their indexes). */
    public static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
