package org.law12348.workflow.routingadmin;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.workflow.ProcessKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployed versions of the routing table: show them, deploy a validated draft as the newest,
 * roll back by deploying an earlier version's XML again, and record who did what. The routing port
 * always evaluates the newest version, so new tickets follow a deployment at once; tickets already
 * routed keep their route.
 */
@Service
public class RoutingDeployments {

    private static final Logger log = LoggerFactory.getLogger(RoutingDeployments.class);
    private static final String RESOURCE = "ticket-routing.dmn";

    private final RepositoryService repository;
    private final RoutingDrafts drafts;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final AuditTrail auditTrail;
    private final Clock clock;

    RoutingDeployments(RepositoryService repository, RoutingDrafts drafts, JdbcTemplate jdbc,
                       ApplicationEventPublisher events, AuditTrail auditTrail, Clock clock) {
        this.repository = repository;
        this.drafts = drafts;
        this.jdbc = jdbc;
        this.events = events;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public List<RoutingVersion> versions() {
        List<DecisionDefinition> all = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ProcessKeys.ROUTING_DECISION).orderByDecisionDefinitionVersion().desc().list();
        Map<Integer, RoutingAuditEntry> why = new HashMap<>();
        jdbc.query("select occurred_at, actor, action, version, detail from routing_audit "
                        + "where action in ('DEPLOY', 'ROLLBACK') and version is not null order by id",
                (rs, i) -> why.put(rs.getInt("version"), auditEntry(rs)));
        return all.stream().map(d -> {
            Deployment deployment = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
            RoutingAuditEntry entry = why.get(d.getVersion());
            return new RoutingVersion(d.getVersion(), d.getId(), deployment.getDeploymentTime().toInstant(),
                    d == all.get(0), entry == null ? null : entry.actor(),
                    entry == null ? "随系统部署的分派规则" : entry.detail());
        }).toList();
    }

    /** Whether a version of the routing table with this number was ever deployed. */
    public boolean exists(int version) {
        return version >= 1 && repository.createDecisionDefinitionQuery().decisionDefinitionKey(ProcessKeys.ROUTING_DECISION)
                .decisionDefinitionVersion(version).count() > 0;
    }

    /** The XML of one version; the newest when {@code version} is null. */
    public String xml(Integer version) {
        var query = repository.createDecisionDefinitionQuery().decisionDefinitionKey(ProcessKeys.ROUTING_DECISION);
        // Camunda throws on a version below 1 instead of finding nothing: such a version simply does not exist
        DecisionDefinition definition = version == null ? query.latestVersion().singleResult()
                : version < 1 ? null
                : query.decisionDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new InvalidInputException("version", "version.unknown", "分派规则版本 " + version + " 不存在");
        }
        try (InputStream in = repository.getDecisionModel(definition.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RoutingTable current() {
        return RoutingTables.read(xml(null));
    }

    /** Deploys a draft that passes validation as the newest version; returns its version number. */
    @Transactional
    public int deploy(String xml, String actor, String comment) {
        List<DraftReport.DraftProblem> problems = drafts.validate(xml);
        if (!problems.isEmpty()) {
            throw new DraftRejectedException(problems);
        }
        int version = deployXml(xml, "管理员发布：" + comment);
        audit(actor, "DEPLOY", version, comment);
        return version;
    }

    /** Makes an earlier version current again by deploying its XML as the newest version. */
    @Transactional
    public int rollBack(int toVersion, String actor) {
        String xml = xml(toVersion);
        int version = deployXml(xml, "回滚到版本" + toVersion);
        audit(actor, "ROLLBACK", version, "回滚到版本 " + toVersion);
        return version;
    }

    /**
     * Records an administrator's action on routing (units too) in the routing history the routing
     * page shows, and in the product's audit trail.
     */
    public void audit(String actor, String action, Integer version, String detail) {
        auditTrail.change(actor, action.startsWith("UNIT_") ? AuditAction.UNIT_CHANGED : AuditAction.ROUTING_CHANGED,
                AuditSubject.none(), action + (version == null ? "" : " v" + version) + (detail == null ? "" : " " + detail));
        jdbc.update("insert into routing_audit (occurred_at, actor, action, version, detail) values (?, ?, ?, ?, ?)",
                clock.instant().atOffset(ZoneOffset.UTC), actor, action, version,
                detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail);
        log.info("Routing administration by {}: {} version {}", actor, action, version);
    }

    public List<RoutingAuditEntry> auditTrail(int limit) {
        return jdbc.query("select occurred_at, actor, action, version, detail from routing_audit "
                        + "order by id desc limit ?",
                (rs, i) -> auditEntry(rs), limit);
    }

    private static RoutingAuditEntry auditEntry(ResultSet rs) throws SQLException {
        return new RoutingAuditEntry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), (Integer) rs.getObject("version"),
                rs.getString("detail"));
    }

    private int deployXml(String xml, String name) {
        try {
            Deployment deployment = repository.createDeployment().name(name.length() > 60 ? name.substring(0, 60) : name)
                    .source("routing-admin").addString(RESOURCE, xml).deploy();
            int version = repository.createDecisionDefinitionQuery().deploymentId(deployment.getId())
                    .decisionDefinitionKey(ProcessKeys.ROUTING_DECISION).singleResult().getVersion();
            events.publishEvent(new RoutingTableDeployed(version));
            return version;
        } catch (ProcessEngineException e) {
            throw new InvalidInputException("xml", "dmn.deployFailed", "发布失败：" + RoutingTables.brief(e));
        }
    }
}
