package org.law12348.bench;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketIntake;
import org.law12348.ticketing.clocks.ClockReminders;
import org.law12348.ticketing.clocks.ClockZone;
import org.law12348.ticketing.clocks.LegalClockService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The 24-hour storm: 10,000 pool questions pass their 24-hour deadline at the same moment; how long
 * until every one is with its region's outsourced unit (Camunda's job executor firing the timers).
 * With {@code -Dbench.storm.clocks=N} each question also carries N legal clocks (labour arbitration)
 * due {@code bench.storm.clock-due-days} (10) from today, so that their 30-day reminder falls due at that
 * moment, and the reminder run sends them while the hand-overs run: the worst case of legal clocks
 * meeting the storm (issue 22). With 200 days no reminder is due: clocks only carried.
 */
final class StormBenchmark {

    private static final int QUESTIONS = Integer.getInteger("bench.storm.questions", 10_000);
    private static final int CLOCKS_PER_QUESTION = Integer.getInteger("bench.storm.clocks", 0);
    /** Days from today to the clocks' due date: 10 puts their 30-day reminder at the storm, 200 none. */
    private static final int CLOCK_DUE_IN_DAYS = Integer.getInteger("bench.storm.clock-due-days", 10);
    private static final StaffMember ADMIN = new StaffMember("admin", StaffRole.ADMIN, null);

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
            List<String> numbers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < QUESTIONS; i++) {
                int n = i;
                pool.submit(() -> numbers.add(intake.receive(IntakeRequest.fromWeb("storm-" + n, "LEGAL_CONSULTATION",
                        regions.get(n % regions.size()), "租房押金房东不退怎么办？编号" + n)).ticketNumber()));
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.MINUTES);
            while (runtime.createProcessInstanceQuery().processDefinitionKey("consultation").count() < QUESTIONS) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
            figures.put("storm: " + QUESTIONS + " questions asked and their processes started (s)",
                    String.format("%.1f", (System.nanoTime() - t0) / 1e9));

            int clocks = addClocks(app.getBean(LegalClockService.class), numbers);
            figures.put("storm: legal clocks carried, due in (days)", clocks + ", " + CLOCK_DUE_IN_DAYS);

            // the 24 hours the questions wait: PostgreSQL's autovacuum would have vacuumed and analysed
            // the tables many times (this machine's server runs with autovacuum off, see README)
            jdbc.execute("vacuum analyze");
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(24)).plusSeconds(60)));
            long t1 = System.nanoTime();
            CpuMeter cpu = CpuMeter.read();
            // the scheduled reminder run, started at the storm's moment on its own thread
            CompletableFuture<Integer> reminded = CompletableFuture.supplyAsync(
                    () -> app.getBean(ClockReminders.class).remind(LocalDate.now(ClockZone.CHINA)));
            long handedOver = 0;
            while (handedOver < QUESTIONS && System.nanoTime() - t1 < TimeUnit.MINUTES.toNanos(15)) {
                TimeUnit.MILLISECONDS.sleep(250);
                handedOver = jdbc.queryForObject("select count(*) from ticket where handed_over", Long.class);
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            figures.put("storm: all " + QUESTIONS + " with the outsourced units after (s)",
                    handedOver == QUESTIONS ? String.format("%.1f", seconds) : "not done after 15 min: " + handedOver);
            figures.put("storm: hand-overs per second", String.format("%.0f", handedOver / seconds));
            if (clocks > 0) {
                int sent = reminded.get(15, TimeUnit.MINUTES);
                figures.put("storm: reminders sent, all done after (s)",
                        sent + ", " + String.format("%.1f", (System.nanoTime() - t1) / 1e9));
            }
            figures.put("storm: CPU ms per hand-over, JVM / PostgreSQL", cpu.perUnitSinceThen(Math.max(1, handedOver)));
        } finally {
            ClockUtil.reset();
        }
        return figures;
    }

    /**
     * Adds {@link #CLOCKS_PER_QUESTION} labour-arbitration clocks to each question, triggered so that the
     * year ends about {@link #CLOCK_DUE_IN_DAYS} days from today. Answers how many were added.
     */
    private static int addClocks(LegalClockService service, List<String> numbers) throws InterruptedException {
        if (CLOCKS_PER_QUESTION == 0) {
            return 0;
        }
        String trigger = LocalDate.now(ClockZone.CHINA).minusYears(1).plusDays(CLOCK_DUE_IN_DAYS).toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (String number : numbers) {
            pool.submit(() -> {
                for (int i = 0; i < CLOCKS_PER_QUESTION; i++) {
                    service.add(number, "LABOUR_ARBITRATION", trigger, ADMIN);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return numbers.size() * CLOCKS_PER_QUESTION;
    }
}
