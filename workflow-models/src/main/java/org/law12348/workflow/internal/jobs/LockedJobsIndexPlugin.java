package org.law12348.workflow.internal.jobs;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives Camunda's job acquisition on PostgreSQL an index over the jobs locked right now.
 *
 * <p>Every acquisition asks whether another exclusive job of the same process instance is in
 * progress ({@code LOCK_OWNER_ is not null and LOCK_EXP_TIME_ >= now}); PostgreSQL answers that
 * sub-query with one sequential scan of ACT_RU_JOB per acquisition, because Camunda ships no index
 * that covers it. Every waiting question holds a timer job, so when thousands of 24-hour timers fall
 * due at once each acquisition read the whole table: 4.6 ms per acquisition, 40 % of the database's
 * time in a 10,000-question storm. A partial index holds only the few locked rows and makes that
 * sub-query an index scan (0.5 ms per acquisition; bench/README.md).
 *
 * <p>Created after Camunda's own schema operations, with {@code if not exists}, on its own
 * auto-committed connection so two nodes starting together cannot break each other's engine start.
 * Other databases (the embedded H2 default) need no such index and get none.
 */
@Component
class LockedJobsIndexPlugin extends AbstractProcessEnginePlugin {

    static final String INDEX = "law12348_idx_job_locked";
    private static final Logger log = LoggerFactory.getLogger(LockedJobsIndexPlugin.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if ("postgres".equals(configuration.getDatabaseType())) {
            create(configuration.getDataSource());
        }
    }

    private static void create(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("create index if not exists " + INDEX
                    + " on ACT_RU_JOB (LOCK_EXP_TIME_) where LOCK_OWNER_ is not null");
        } catch (SQLException e) {
            // another node creating it at the same moment; acquisition works without it, only slower
            log.warn("Index {} for Camunda's job acquisition not created now: {}", INDEX, e.getMessage());
        }
    }
}
