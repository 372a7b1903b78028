package org.law12348.bench;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.TicketIntake;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The 24-hour storm: 10,000 pool questions pass their 24-hour deadline at the same moment; how long
 * until every one is with its region's outsourced unit (Camunda's job executor firing the timers).
 */
final class StormBenchmark {

    private static final int QUESTIONS = Integer.getInteger("bench.storm.questions", 10_000);

    private StormBenchmark() {
    }

    static Map<String, String> run() throws Exception {
        String url = Bench.freshDatabase("law12348_bench_storm");
        Map<String, String> figures = new LinkedHashMap<>();
        try (ConfigurableApplicationContext app = Bench.start(url)) {
            TicketIntake intake = app.getBean(TicketIntake.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            List<String> regions = IntakeBenchmark.regions();

            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int i = 0; i < QUESTIONS; i++) {
                int n = i;
                pool.submit(() -> intake.receive(IntakeRequest.fromWeb("storm-" + n, "LEGAL_CONSULTATION",
                        regions.get(n % regions.size()), "租房押金房东不退怎么办？编号" + n)));
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.MINUTES);
            while (runtime.createProcessInstanceQuery().processDefinitionKey("consultation").count() < QUESTIONS) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
            figures.put("storm: " + QUESTIONS + " questions asked and their processes started (s)",
                    String.format("%.1f", (System.nanoTime() - t0) / 1e9));

            // the 24 hours the questions wait: PostgreSQL's autovacuum would have vacuumed and analysed
            // the tables many times (this machine's server runs with autovacuum off, see README)
            jdbc.execute("vacuum analyze");
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(24)).plusSeconds(60)));
            long t1 = System.nanoTime();
            CpuMeter cpu = CpuMeter.read();
            long handedOver = 0;
            while (handedOver < QUESTIONS && System.nanoTime() - t1 < TimeUnit.MINUTES.toNanos(15)) {
                TimeUnit.MILLISECONDS.sleep(250);
                handedOver = jdbc.queryForObject("select count(*) from ticket where handed_over", Long.class);
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            figures.put("storm: all " + QUESTIONS + " with the outsourced units after (s)",
                    handedOver == QUESTIONS ? String.format("%.1f", seconds) : "not done after 15 min: " + handedOver);
            figures.put("storm: hand-overs per second", String.format("%.0f", handedOver / seconds));
            figures.put("storm: CPU ms per hand-over, JVM / PostgreSQL", cpu.perUnitSinceThen(Math.max(1, handedOver)));
        } finally {
            ClockUtil.reset();
        }
        return figures;
    }
}
