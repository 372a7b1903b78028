package org.law12348.workflow.internal.deployment;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.law12348.workflow.ProcessKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * How the models that ship with the product reach the engine, so that a release never takes the routing
 * table out of administrators' hands.
 * <ul>
 *   <li>The starter deploys the shipped BPMN and DMN files at start. By default, when any one of them
 *       changed since the last start it deploys all of them again, and the shipped routing table would
 *       become the newest version over the one administrators deployed. Here only the files that changed
 *       are deployed again.</li>
 *   <li>The routing table is not among them: the shipped {@code ticket-routing.dmn} is deployed once, when
 *       the database holds no version of it (a new installation). From then on only administrators deploy
 *       it (the workspace's routing editor, {@code RoutingDeployments}).</li>
 * </ul>
 */
@Component
class ShippedModelsPlugin extends AbstractProcessEnginePlugin {

    /** Where the shipped routing table is on the classpath, and the resource name it is deployed under. */
    static final String ROUTING_TABLE = "org/law12348/workflow/ticket-routing.dmn";
    static final String ROUTING_RESOURCE = "ticket-routing.dmn";

    private static final Logger log = LoggerFactory.getLogger(ShippedModelsPlugin.class);

    /** After the starter's own plugins set the resources it deploys, and before the engine deploys them. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration instanceof SpringTransactionsProcessEngineConfiguration spring) {
            spring.setDeployChangedOnly(true);
            Resource[] resources = spring.getDeploymentResources();
            if (resources != null) {
                spring.setDeploymentResources(Arrays.stream(resources)
                        .filter(resource -> !ROUTING_RESOURCE.equals(resource.getFilename()))
                        .toArray(Resource[]::new));
            }
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        RepositoryService repository = engine.getRepositoryService();
        if (repository.createDecisionDefinitionQuery().decisionDefinitionKey(ProcessKeys.ROUTING_DECISION).count() > 0) {
            return;
        }
        try (InputStream shipped = ShippedModelsPlugin.class.getClassLoader().getResourceAsStream(ROUTING_TABLE)) {
            if (shipped == null) {
                throw new IllegalStateException("The shipped routing table " + ROUTING_TABLE + " is not on the classpath");
            }
            repository.createDeployment().name("随系统部署的分派规则").source("shipped")
                    .addInputStream(ROUTING_RESOURCE, shipped).deploy();
            log.info("Deployed the shipped routing table: the database held no version of it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
