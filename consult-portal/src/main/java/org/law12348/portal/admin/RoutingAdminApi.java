package org.law12348.portal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.portal.SignedInStaff;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.web.ApiProblems;
import org.law12348.workflow.routingadmin.DraftRejectedException;
import org.law12348.workflow.routingadmin.DraftReport;
import org.law12348.workflow.routingadmin.RoutingAuditEntry;
import org.law12348.workflow.routingadmin.RoutingDeployments;
import org.law12348.workflow.routingadmin.RoutingDiff;
import org.law12348.workflow.routingadmin.RoutingDiffs;
import org.law12348.workflow.routingadmin.RoutingDrafts;
import org.law12348.workflow.routingadmin.RoutingVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Routing administration for the workspace's editor: the versions of the routing table, the XML of
 * any of them, the check and what-if of a draft, deployment, roll-back and the difference between two
 * versions. The draft lives in the administrator's browser and travels whole in every request, so
 * nothing is lost when the session expires between two checks. Administrators only (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/v1/admin/routing")
@Tag(name = "admin-routing", description = "分派规则管理（仅管理员）")
class RoutingAdminApi {

    /** DMN of the whole province runs to a few dozen kilobytes; the JSON body limit is 256 KB. */
    static final int MAX_XML = 200_000;
    static final int MAX_COMMENT = 200;
    static final int DEFAULT_DAYS = 30;

    @Schema(description = "分派规则的一个版本；actorName 为空表示随系统部署")
    record RoutingVersionView(int version, boolean current, Instant deployedAt, String actor, String actorName,
                       String comment) {
    }

    @Schema(description = "某个版本的决策表 XML")
    record RoutingTableView(int version, boolean current, String xml) {
    }

    @Schema(description = "待校验的草稿：DMN XML 和回放最近多少天（1–90，默认30）的工单")
    record RoutingDraftRequest(String xml, Integer days) {
    }

    @Schema(description = "待发布的草稿和发布说明")
    record RoutingDeployRequest(String xml, String comment) {
    }

    @Schema(description = "回滚到的版本号")
    record RoutingRollBackRequest(Integer version) {
    }

    @Schema(description = "发布或回滚后的现行版本号")
    record RoutingDeployed(int version) {
    }

    private final RoutingDeployments deployments;
    private final RoutingDrafts drafts;
    private final RoutingDiffs diffs;
    private final SignedInStaff staff;
    private final StaffAccounts accounts;

    RoutingAdminApi(RoutingDeployments deployments, RoutingDrafts drafts, RoutingDiffs diffs, SignedInStaff staff,
                    StaffAccounts accounts) {
        this.deployments = deployments;
        this.drafts = drafts;
        this.diffs = diffs;
        this.staff = staff;
        this.accounts = accounts;
    }

    @GetMapping("/versions")
    @Operation(summary = "分派规则的全部版本（最新在前）")
    List<RoutingVersionView> versions() {
        return deployments.versions().stream().map(this::view).toList();
    }

    @GetMapping("/current")
    @Operation(summary = "现行分派规则的 XML")
    RoutingTableView current() {
        RoutingVersion newest = deployments.versions().get(0);
        return new RoutingTableView(newest.version(), true, deployments.xml(newest.version()));
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "某个版本分派规则的 XML")
    RoutingTableView version(@PathVariable int version) {
        requireVersion(version, "version");
        return new RoutingTableView(version, deployments.versions().get(0).version() == version, deployments.xml(version));
    }

    @PostMapping("/validate")
    @Operation(summary = "校验草稿并按最近的工单试算", description = "problems 为空表示可以发布；每个问题指出行（ruleId、ruleIndex）和列（columnId）")
    DraftReport validate(@RequestBody(required = false) RoutingDraftRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "body.missing", "请求体不能为空");
        }
        String xml = requireXml(body.xml());
        return drafts.check(xml, body.days() == null ? DEFAULT_DAYS : body.days());
    }

    @PostMapping("/deploy")
    @Operation(summary = "发布草稿为新版本", description = "发布前重新校验；未通过时 400，problems 列出每个有问题的单元格")
    RoutingDeployed deploy(@RequestBody(required = false) RoutingDeployRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "body.missing", "请求体不能为空");
        }
        String comment = body.comment() == null ? "" : body.comment().strip();
        if (comment.isEmpty()) {
            throw new InvalidInputException("comment", "field.required", "请填写发布说明");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "comment.tooLong", "发布说明不能超过" + MAX_COMMENT + "字");
        }
        String xml = requireXml(body.xml());
        return new RoutingDeployed(deployments.deploy(xml, staff.require().username(), comment));
    }

    @PostMapping("/rollback")
    @Operation(summary = "回滚到某个版本", description = "把该版本的规则重新发布为最新版本")
    RoutingDeployed rollBack(@RequestBody(required = false) RoutingRollBackRequest body) {
        if (body == null || body.version() == null) {
            throw new InvalidInputException("version", "field.required", "请选择要回滚到的版本");
        }
        requireVersion(body.version(), "version");
        if (deployments.versions().get(0).version() == body.version()) {
            throw new InvalidInputException("version", "version.current", "版本 " + body.version() + " 已是现行版本");
        }
        return new RoutingDeployed(deployments.rollBack(body.version(), staff.require().username()));
    }

    @GetMapping("/diff")
    @Operation(summary = "两个版本的差异（新增、删除、修改的规则，以名称表示）")
    RoutingDiff diff(@RequestParam int from, @RequestParam int to) {
        requireVersion(from, "from");
        requireVersion(to, "to");
        return diffs.between(from, to);
    }

    @GetMapping("/audit")
    @Operation(summary = "分派规则和承办单位的操作记录（最近50条）")
    List<RoutingAuditEntry> audit() {
        return deployments.auditTrail(50);
    }

    /** A draft that fails validation is refused with every problem, so the editor marks each cell. */
    @ExceptionHandler(DraftRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(DraftRejectedException e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "dmn.invalid",
                "分派规则未通过校验：" + e.problems().get(0).message(), "xml");
        problem.setProperty("problems", e.problems());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(VersionNotFound.class)
    ResponseEntity<ProblemDetail> notFound(VersionNotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblems.problem(HttpStatus.NOT_FOUND,
                "version.unknown", "分派规则版本 " + e.version + " 不存在", e.field));
    }

    private void requireVersion(int version, String field) {
        if (!deployments.exists(version)) {
            throw new VersionNotFound(version, field);
        }
    }

    private static String requireXml(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new InvalidInputException("xml", "field.required", "草稿不能为空");
        }
        if (xml.length() > MAX_XML) {
            throw new InvalidInputException("xml", "xml.tooLarge", "草稿过大，不能超过" + MAX_XML / 1000 + "千字符");
        }
        return xml;
    }

    private RoutingVersionView view(RoutingVersion v) {
        String name = v.actor() == null ? null
                : accounts.findById(v.actor()).map(StaffAccount::displayName).orElse(v.actor());
        return new RoutingVersionView(v.version(), v.current(), v.deployedAt(), v.actor(), name, v.comment());
    }

    private static final class VersionNotFound extends RuntimeException {
        private final int version;
        private final String field;

        VersionNotFound(int version, String field) {
            super("No routing version " + version, null, false, false);
            this.version = version;
            this.field = field;
        }
    }
}
