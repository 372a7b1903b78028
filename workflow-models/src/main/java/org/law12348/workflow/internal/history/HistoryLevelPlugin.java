package org.law12348.workflow.internal.history;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@code camunda.bpm.history-level: process-instance} known to the engine (the starter adds
 * every ProcessEnginePlugin bean) and lets existing databases switch to it.
 */
@Component
class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(new ProcessInstanceHistoryLevel());
        configuration.setCustomHistoryLevels(custom);
        configuration.setSchemaOperationsCommand(new HistoryLevelChange(configuration.getSchemaOperationsCommand()));
    }
}
