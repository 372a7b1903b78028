package org.law12348.personaldata.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Key rotation, second half: rewrites every encrypted value still under an older key with the active
 * one, a batch of rows per transaction, so the old key can then leave the configuration. Each module
 * declares its encrypted columns as an {@link EncryptedTable} bean. A row changed by the application
 * meanwhile is skipped by the compare-and-set (the application wrote it under the active key anyway).
 */
public class PersonalDataRekeying {

    /** A table with encrypted columns, keyed by a numeric id. Names come from code, never from input. */
    public record EncryptedTable(String table, String idColumn, List<String> columns) {
    }

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRekeying.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PersonalDataCipher cipher;
    private final List<EncryptedTable> tables;
    private final int batchSize;

    public PersonalDataRekeying(JdbcTemplate jdbc, TransactionTemplate transactions, PersonalDataCipher cipher,
                                List<EncryptedTable> tables, int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.tables = List.copyOf(tables);
        this.batchSize = batchSize;
    }

    /** Rewrites every value not under the active key; answers the rows rewritten per table. */
    public Map<String, Integer> reencryptAll() {
        Map<String, Integer> rewritten = new LinkedHashMap<>();
        for (EncryptedTable table : tables) {
            int rows = reencrypt(table);
            rewritten.put(table.table(), rows);
            log.info("Re-encrypted {} rows of {} under key {}", rows, table.table(), cipher.activeKeyId());
        }
        return rewritten;
    }

    private int reencrypt(EncryptedTable t) {
        String activePrefix = PersonalDataCipher.VERSION + ":" + cipher.activeKeyId() + ":%";
        String stale = t.columns().stream().map(c -> "(" + c + " is not null and " + c + " not like ?)")
                .collect(Collectors.joining(" or "));
        String select = "select " + t.idColumn() + ", " + String.join(", ", t.columns()) + " from " + t.table()
                + " where " + t.idColumn() + " > ? and (" + stale + ") order by " + t.idColumn()
                + " fetch first " + batchSize + " rows only";
        String update = "update " + t.table() + " set " + t.columns().stream().map(c -> c + " = ?")
                .collect(Collectors.joining(", ")) + " where " + t.idColumn() + " = ? and "
                + t.columns().stream().map(c -> c + " is not distinct from ?").collect(Collectors.joining(" and "));
        int total = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            Object[] args = new Object[1 + t.columns().size()];
            args[0] = after;
            java.util.Arrays.fill(args, 1, args.length, activePrefix);
            List<Object[]> rows = jdbc.query(select, (rs, i) -> {
                Object[] row = new Object[1 + t.columns().size()];
                row[0] = rs.getLong(1);
                for (int c = 0; c < t.columns().size(); c++) {
                    row[c + 1] = rs.getString(c + 2);
                }
                return row;
            }, args);
            if (rows.isEmpty()) {
                return total;
            }
            List<Object[]> updates = new ArrayList<>();
            for (Object[] row : rows) {
                Object[] u = new Object[1 + 2 * t.columns().size()];
                int p = 0;
                for (int c = 1; c < row.length; c++) {
                    String stored = (String) row[c];
                    u[p++] = cipher.isUnderActiveKey(stored) ? stored : cipher.encrypt(cipher.decrypt(stored));
                }
                u[p++] = row[0];
                for (int c = 1; c < row.length; c++) {
                    u[p++] = row[c];
                }
                updates.add(u);
            }
            int[] counts = transactions.execute(status -> jdbc.batchUpdate(update, updates));
            for (int n : counts == null ? new int[0] : counts) {
                total += Math.max(n, 0);
            }
            after = (Long) rows.get(rows.size() - 1)[0];
        }
    }
}
