package org.law12348.workflow.internal.history;

import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a database created under a built-in history level (the product used {@code audit} before)
 * start under {@link ProcessInstanceHistoryLevel}. Camunda refuses to start when the configured level
 * differs from the one stored in ACT_GE_PROPERTY; recording less from now on is safe (the old history
 * rows stay), so after the engine's own schema operations the stored level is updated and logged,
 * before the engine compares the two.
 */
final class HistoryLevelChange implements SchemaOperationsCommand {

    private static final Logger log = LoggerFactory.getLogger(HistoryLevelChange.class);
    private static final String PROPERTY = "historyLevel";

    private final SchemaOperationsCommand schemaOperations;

    HistoryLevelChange(SchemaOperationsCommand schemaOperations) {
        this.schemaOperations = schemaOperations;
    }

    @Override
    public Void execute(CommandContext commandContext) {
        schemaOperations.execute(commandContext);
        int configured = Context.getProcessEngineConfiguration().getHistoryLevel().getId();
        if (configured != ProcessInstanceHistoryLevel.ID) {
            return null;
        }
        PropertyEntity stored = commandContext.getPropertyManager().findPropertyById(PROPERTY);
        if (stored != null && !String.valueOf(configured).equals(stored.getValue())) {
            log.warn("Camunda history level of this database changes from id {} to {} ({}); earlier history "
                    + "rows are kept", stored.getValue(), configured, ProcessInstanceHistoryLevel.NAME);
            stored.setValue(String.valueOf(configured));
        }
        return null;
    }
}
