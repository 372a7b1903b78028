package org.law12348.app;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.law12348.testsupport.PostgresDatabase;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node dies during a question's 24-hour window — even holding the timer job it had just
 * acquired — and another node on the same PostgreSQL takes over: the hand-over to the region's
 * outsourced unit happens exactly once, and a question answered at 23 hours is never handed over.
 */
@Tag("slow")
class TimerAfterRestartTest {

    private static final Duration WINDOW = Duration.ofHours(24);

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void theTwentyFourHourTimerFiresOnceOnTheNodeThatSurvives() {
        String database = PostgresDatabase.create("law12348_restart");
        Instant asked = Instant.now();
        String unanswered;
        String answeredAt23h;
        try (AppNode first = AppNode.start("restartFirst", database, Map.of())) {
            unanswered = first.ask("公司拖欠加班费不给，应该怎么办？");
            answeredAt23h = first.ask("试用期被辞退有没有补偿？");
            RuntimeService runtime = first.bean(RuntimeService.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> timer(first, unanswered) != null
                    && timer(first, answeredAt23h) != null);

            ClockUtil.setCurrentTime(Date.from(asked.plus(Duration.ofHours(23))));
            HttpApi.Answer answer = first.api().post("/api/v1/consultant/pool/" + answeredAt23h + "/answer",
                    HttpApi.json(Map.of("text", "试用期内用人单位无正当理由解除劳动合同属于违法解除，可以主张赔偿金。")),
                    HttpApi.basic("consultant"));
            assertThat(answer.status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> timer(first, answeredAt23h) == null);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(unanswered).count()).isOne();

            // the first node acquired the due timer a moment before it died: its lock outlives it
            Job job = timer(first, unanswered);
            first.jdbc().update("update act_ru_job set lock_owner_ = ?, lock_exp_time_ = ? where id_ = ?",
                    "node-that-died", Timestamp.from(asked.plus(WINDOW).plus(Duration.ofMinutes(5))), job.getId());
        }

        try (AppNode second = AppNode.start("restartSecond", database, Map.of())) {
            ClockUtil.setCurrentTime(Date.from(asked.plus(WINDOW).plus(Duration.ofMinutes(6))));
            await().atMost(Duration.ofSeconds(40)).until(() -> second.entries(unanswered, "HANDED_OVER") == 1
                    && timer(second, unanswered) == null);

            assertThat(second.entries(unanswered, "HANDED_OVER")).isOne();
            assertThat(second.jdbc().queryForObject("select count(*) from outbox_event where ticket_number = ? "
                    + "and event_type = 'TicketHandedOver'", Integer.class, unanswered)).isOne();
            assertThat(second.jdbc().queryForObject("select handling_unit from ticket where number = ?", String.class,
                    unanswered)).isEqualTo("GD-4401-OUTSOURCED");
            assertThat(second.entries(answeredAt23h, "HANDED_OVER")).isZero();
            assertThat(second.jdbc().queryForObject("select status from ticket where number = ?", String.class,
                    answeredAt23h)).isEqualTo("ANSWERED");
            assertThat(second.bean(ManagementService.class).createJobQuery().withException().count()).isZero();
        }
    }

    /** The question's 24-hour timer, or null once it has fired or been cancelled. */
    private static Job timer(AppNode node, String number) {
        var process = node.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult();
        if (process == null) {
            return null;
        }
        return node.bean(ManagementService.class).createJobQuery().processInstanceId(process.getId())
                .activityId("Timer_Unanswered24h").singleResult();
    }
}
