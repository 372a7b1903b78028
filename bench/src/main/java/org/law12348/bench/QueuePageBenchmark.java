package org.law12348.bench;

import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.DeadlineState;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketFilter;
import org.law12348.ticketing.TicketPage;
import org.law12348.ticketing.TicketSearch;
import org.law12348.ticketing.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a large ticket history into its own PostgreSQL database and measures the console's queue
 * page (first page and the page after it, through {@link TicketSearch}) under the filters
 * dispatchers use. Target: p99 ≤ 200 ms at 1,000,000 tickets.
 *
 * <pre>java -cp ... org.law12348.bench.QueuePageBenchmark [tickets] [rounds]</pre>
 * Database: {@code law12348_bench} at {@code BENCH_PG} (default 127.0.0.1:5432, user postgres).
 */
public final class QueuePageBenchmark {

    private static final Logger log = LoggerFactory.getLogger(QueuePageBenchmark.class);
    private static final String SERVER = System.getenv().getOrDefault("BENCH_PG", "127.0.0.1:5432");
    private static final String DATABASE = "law12348_bench";

    private QueuePageBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        run(tickets, rounds).forEach((k, v) -> log.info("{}: {}", k, v));
    }

    /** Loads up to {@code tickets} tickets (kept between runs) and answers the figures for the table. */
    static Map<String, String> run(int tickets, int rounds) throws SQLException {
        createDatabase();
        try (ConfigurableApplicationContext context = Bench.application()
                .profiles("postgres")
                // Arguments, since the profile's own settings outrank default properties.
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of(
                        "spring.datasource.url=jdbc:postgresql://" + SERVER + "/" + DATABASE,
                        "camunda.bpm.job-execution.enabled=false", "server.port=0", "law12348.demo.accounts=false"),
                        Bench.DEMO_PRIVACY_KEYS.stream()).map(p -> "--" + p).toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            HistoryLoader.load(jdbc, tickets);
            return measure(context.getBean(TicketSearch.class), rounds, tickets);
        }
    }

    private static Map<String, String> measure(TicketSearch search, int rounds, int tickets) {
        Map<String, String> figures = new LinkedHashMap<>();
        StaffMember dispatcher = new StaffMember("bench", StaffRole.DISPATCHER, null);
        StaffMember handler = new StaffMember("bench-unit", StaffRole.UNIT_HANDLER, "GD-4401-LEGAL-AID");
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("全部（调度员）", new Object[] {TicketFilter.any(), dispatcher});
        cases.put("广州市+法律援助", new Object[] {new TicketFilter(new RegionCode("440100"), BusinessType.LEGAL_AID,
                null, null, null, null, null, null, null, null), dispatcher});
        cases.put("广东省+待受理", new Object[] {new TicketFilter(new RegionCode("440000"), null, null,
                TicketStatus.ROUTED, null, null, null, null, null, null), dispatcher});
        cases.put("已超时", new Object[] {new TicketFilter(null, null, null, null, null, null, null, null, null,
                DeadlineState.OVERDUE), dispatcher});
        cases.put("2小时内到期", new Object[] {new TicketFilter(null, null, null, null, null, null, null, null, null,
                DeadlineState.DUE_SOON), dispatcher});
        cases.put("已转外包", new Object[] {new TicketFilter(null, null, null, null, null, null, null, null, null,
                DeadlineState.HANDED_OVER), dispatcher});
        cases.put("承办人本单位", new Object[] {TicketFilter.any(), handler});
        List<Long> all = new ArrayList<>();
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            TicketFilter filter = (TicketFilter) c.getValue()[0];
            StaffMember staff = (StaffMember) c.getValue()[1];
            for (int i = 0; i < 10; i++) {
                search.find(filter, null, 50, staff);
            }
            long[] nanos = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                TicketPage first = search.find(filter, null, 50, staff);
                if (first.nextCursor() != null && i % 2 == 1) {
                    search.find(filter, first.nextCursor(), 50, staff);
                }
                nanos[i] = System.nanoTime() - start;
                all.add(nanos[i]);
            }
            Arrays.sort(nanos);
            log.info("{}: p50 {} ms, p99 {} ms", c.getKey(), ms(nanos[rounds / 2]), ms(nanos[rounds * 99 / 100]));
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        figures.put("console queue page at " + tickets + " tickets, 7 filters: p50 / p99 ms (target p99 <= 200)",
                ms(sorted[sorted.length / 2]) + " / " + ms(sorted[sorted.length * 99 / 100]));
        return figures;
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", "")) {
            boolean exists = c.createStatement().executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE + "'").next();
            if (!exists) {
                c.createStatement().execute("create database " + DATABASE);
            }
        }
    }
}
