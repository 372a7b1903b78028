package org.law12348.app;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.law12348.testsupport.PostgresDatabase;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A PostgreSQL database the product ran on under Camunda's {@code audit} history level (as it did
 * before) starts under the product's {@code process-instance} level: the engine does not refuse the
 * changed level, the old history stays, and from then on only process starts and ends are recorded.
 */
@Tag("slow")
class HistoryLevelUpgradeTest {

    @Test
    void aDatabaseOfTheAuditLevelStartsUnderTheProcessInstanceLevelAndKeepsItsHistory() {
        String database = PostgresDatabase.create("law12348_history");
        String before;
        long activityRowsBefore;
        try (AppNode old = AppNode.start("historyAudit", database, Map.of("camunda.bpm.history-level", "audit"))) {
            before = old.ask("单位不签劳动合同怎么办？");
            await().atMost(Duration.ofSeconds(30)).until(() -> processes(old, before) == 1);
            activityRowsBefore = count(old, "select count(*) from act_hi_actinst");
            assertThat(activityRowsBefore).isPositive();
            assertThat(historyLevel(old)).isEqualTo("2");
        }

        try (AppNode upgraded = AppNode.start("historyProcessInstance", database, Map.of())) {
            assertThat(historyLevel(upgraded)).isEqualTo("21");
            String after = upgraded.ask("离职后公司不发最后一个月工资怎么办？");
            await().atMost(Duration.ofSeconds(30)).until(() -> processes(upgraded, after) == 1);

            assertThat(count(upgraded, "select count(*) from act_hi_procinst where business_key_ = '" + after + "'"))
                    .isOne();
            assertThat(count(upgraded, "select count(*) from act_hi_procinst where business_key_ = '" + before + "'"))
                    .isOne();
            assertThat(count(upgraded, "select count(*) from act_hi_actinst")).isEqualTo(activityRowsBefore);
            assertThat(count(upgraded, "select count(*) from act_hi_varinst v join act_hi_procinst p "
                    + "on p.id_ = v.proc_inst_id_ where p.business_key_ = '" + after + "'")).isZero();
        }
    }

    private static long processes(AppNode node, String number) {
        return node.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(number).count();
    }

    private static String historyLevel(AppNode node) {
        return node.jdbc().queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'",
                String.class);
    }

    private static long count(AppNode node, String sql) {
        return node.jdbc().queryForObject(sql, Long.class);
    }
}
