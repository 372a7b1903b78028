package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditEntry;
import org.law12348.personaldata.audit.AuditQuery;
import org.law12348.personaldata.audit.AuditSearch;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketingProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;
import java.util.List;

/** Administrators search the audit trail; the search itself is audited (who looked at whose trail). */
@RestController
@Tag(name = "admin-audit", description = "审计日志查询（仅管理员）")
class AuditAdminController {

    record AuditPage(List<AuditEntry> items, String nextCursor) {
    }

    private final AuditSearch search;
    private final AuditTrail audit;
    private final CurrentStaff currentStaff;
    private final ZoneId zone;

    AuditAdminController(AuditSearch search, AuditTrail audit, CurrentStaff currentStaff,
                         TicketingProperties properties) {
        this.search = search;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.zone = properties.zone();
    }

    @GetMapping("/api/v1/admin/audit")
    @Operation(summary = "审计日志", description = "按操作人、工单、操作类型、时间（ISO-8601 时刻或日期）筛选，最新在前，游标分页")
    AuditPage find(@RequestParam(required = false) String actor, @RequestParam(required = false) String ticket,
                   @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String cursor,
                   @RequestParam(defaultValue = "50") int limit) {
        StaffMember admin = requireAdmin(currentStaff);
        AuditQuery query = AuditQueryForm.parse(actor, ticket, action, from, to, zone);
        AuditSearch.Page page = search.find(query, cursor, limit);
        audit.read(admin, AuditAction.AUDIT_SEARCHED, AuditSubject.ticket(query.ticketNumber()),
                "筛选：" + query.describe(zone) + "；本页 " + page.entries().size() + " 条");
        return new AuditPage(page.entries(), page.nextCursor());
    }

    static StaffMember requireAdmin(CurrentStaff currentStaff) {
        StaffMember staff = currentStaff.require();
        if (!staff.hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有管理员可以执行此操作");
        }
        return staff;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
