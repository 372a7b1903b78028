package org.law12348.portal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.portal.SignedInStaff;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnitAdmin;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.workflow.routingadmin.RoutingDeployments;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Handling units for administrators in the workspace: every unit (also deactivated ones), create,
 * edit, deactivate. Deactivation sends the unit's waiting tickets to a successor; each change goes to
 * the routing audit trail, since rules refer to units by code.
 */
@RestController
@RequestMapping("/api/v1/admin/units")
@Tag(name = "admin-units", description = "承办单位管理（仅管理员）")
class UnitAdminApiController {

    @Schema(description = "承办单位（管理）")
    record AdminUnitView(String code, String name, String type, String typeName, String regionCode,
                         String regionName, String phone,
                         @Schema(description = "来访地址（法律援助指南向市民展示）") String address,
                         @Schema(description = "办公时间") String openingHours,
                         @Schema(description = "电话、地址、办公时间是未经核实的示例数据；管理员修改后取消") boolean sampleDetails,
                         boolean active,
                         @Schema(description = "待办工单数（已分派、办理中）：停用时转给接收单位") long waitingTickets) {
    }

    @Schema(description = "新增或修改承办单位；修改时不看 code（编码不可改）")
    record UnitForm(String code, String name, String type, String regionCode, String phone,
                    @Schema(description = "来访地址，可不填，最多200字") String address,
                    @Schema(description = "办公时间，可不填，最多100字") String openingHours) {

        HandlingUnit.Visiting visiting() {
            return new HandlingUnit.Visiting(phone, address, openingHours);
        }
    }

    @Schema(description = "停用承办单位：待办工单转给 successor")
    record DeactivationForm(String successor, String reason) {
    }

    @Schema(description = "停用结果")
    record DeactivationResult(String code, int movedTickets, String successor, String successorName) {
    }

    private final HandlingUnitAdmin admin;
    private final HandlingUnits units;
    private final Regions regions;
    private final RoutingDeployments deployments;
    private final SignedInStaff staff;

    UnitAdminApiController(HandlingUnitAdmin admin, HandlingUnits units, Regions regions,
                           RoutingDeployments deployments, SignedInStaff staff) {
        this.admin = admin;
        this.units = units;
        this.regions = regions;
        this.deployments = deployments;
        this.staff = staff;
    }

    @GetMapping
    @Operation(summary = "全部承办单位", description = "含已停用的单位，按地区、编码排序，带各单位的待办工单数")
    List<AdminUnitView> list() {
        requireAdmin();
        Map<String, Long> waiting = admin.waitingTickets();
        return units.findAll(Sort.by("regionCode", "code")).stream()
                .map(u -> view(u, waiting.getOrDefault(u.code(), 0L))).toList();
    }

    @PostMapping
    @Operation(summary = "新增承办单位")
    ResponseEntity<AdminUnitView> create(@RequestBody UnitForm form) {
        String actor = requireAdmin().username();
        HandlingUnit unit = admin.create(form.code(), form.name(), form.type(), form.regionCode(), form.visiting());
        deployments.audit(actor, "UNIT_CREATE", null, "新增承办单位 " + unit.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(unit, 0));
    }

    @PutMapping("/{code}")
    @Operation(summary = "修改承办单位", description = "名称、类型、地区、电话、地址、办公时间；编码不可改；未知单位 400 unit.unknown")
    AdminUnitView edit(@PathVariable String code, @RequestBody UnitForm form) {
        String actor = requireAdmin().username();
        HandlingUnit unit = admin.edit(code, form.name(), form.type(), form.regionCode(), form.visiting());
        deployments.audit(actor, "UNIT_EDIT", null, "修改承办单位 " + unit.name());
        return view(unit, admin.waitingTickets().getOrDefault(unit.code(), 0L));
    }

    @PostMapping("/{code}/deactivate")
    @Operation(summary = "停用承办单位", description = "单位的待办工单（已分派、办理中）转给 successor，各写一条时间线；已答复的工单留到办结")
    DeactivationResult deactivate(@PathVariable String code, @RequestBody DeactivationForm form) {
        String actor = requireAdmin().username();
        int moved = admin.deactivate(code, form.successor(), form.reason(), actor);
        HandlingUnit retired = units.findById(code).orElseThrow();
        HandlingUnit successor = units.findById(form.successor().strip()).orElseThrow();
        // names, not codes: the audit log is read on screen by people
        deployments.audit(actor, "UNIT_DEACTIVATE", null, "停用承办单位 " + retired.name() + "，" + moved
                + "件待办工单转至 " + successor.name() + "：" + form.reason().strip());
        return new DeactivationResult(code, moved, successor.code(), successor.name());
    }

    private StaffMember requireAdmin() {
        StaffMember member = staff.require();
        if (!member.hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有管理员可以管理承办单位");
        }
        return member;
    }

    private AdminUnitView view(HandlingUnit u, long waiting) {
        return new AdminUnitView(u.code(), u.name(), u.type().name(), u.type().chineseName(), u.region().value(),
                regions.fullName(u.region()), u.phone(), u.visiting().address(), u.visiting().openingHours(),
                u.sampleDetails(), u.active(), waiting);
    }
}
