package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.retention.CitizenData;
import org.law12348.ticketing.retention.CitizenDataExport;
import org.law12348.ticketing.retention.RetentionJob;
import org.law12348.ticketing.retention.RetentionRun;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/**
 * Administrators answer citizens' data requests (export, erasure) and run retention on demand. Every
 * export is an audited read; every erasure an audited change, one entry per anonymised ticket.
 */
@RestController
@Tag(name = "admin-citizen-data", description = "市民个人信息导出、删除与保存期限清理（仅管理员）")
class CitizenDataAdminController {

    @Schema(description = "删除市民个人信息：ticketNumber 与 phone 二选一，reason 必填（2-500字）")
    record ErasureBody(String ticketNumber, String phone, String reason) {
    }

    record RetentionRuns(List<RetentionRun> items) {
    }

    private final CitizenData citizenData;
    private final RetentionJob retention;
    private final AuditTrail audit;
    private final CurrentStaff currentStaff;

    CitizenDataAdminController(CitizenData citizenData, RetentionJob retention, AuditTrail audit,
                               CurrentStaff currentStaff) {
        this.citizenData = citizenData;
        this.retention = retention;
        this.audit = audit;
        this.currentStaff = currentStaff;
    }

    @GetMapping("/api/v1/admin/citizen-data/export")
    @Operation(summary = "导出市民的全部工单数据", description = "phone（该号码的全部工单）与 ticket（与该工单同一市民的全部工单）"
            + "二选一；绑定所涉号码的小程序账户提交的工单（含绑定前提交的）一并导出，与删除的范围相同")
    CitizenDataExport export(@RequestParam(required = false) String phone,
                             @RequestParam(required = false) String ticket) {
        StaffMember admin = AuditAdminController.requireAdmin(currentStaff);
        Target target = target(ticket, phone, "ticket");
        CitizenDataExport export = target.phone() != null ? citizenData.exportByPhone(target.phone())
                : citizenData.exportByTicket(target.ticketNumber());
        audit.read(admin, AuditAction.CITIZEN_DATA_EXPORTED,
                new AuditSubject(target.ticketNumber(), null, null).withCitizen(target.phone()),
                "导出" + export.tickets().size() + "件工单：" + numbers(export));
        return export;
    }

    @PostMapping("/api/v1/admin/citizen-data/erasure")
    @Operation(summary = "删除市民个人信息", description = "未办结工单先办结，然后全部匿名化；每件工单记审计")
    CitizenData.Erasure erase(@RequestBody(required = false) ErasureBody body) {
        StaffMember admin = AuditAdminController.requireAdmin(currentStaff);
        if (body == null) {
            throw new InvalidInputException("body", "body.missing", "请求体不能为空");
        }
        Target target = target(body.ticketNumber(), body.phone(), "ticketNumber");
        String reason = reason(body.reason());
        CitizenData.Erasure erasure = target.phone() != null
                ? citizenData.eraseByPhone(target.phone(), reason, admin.username())
                : citizenData.eraseByTicket(target.ticketNumber(), reason, admin.username());
        audit.change(admin, AuditAction.CITIZEN_DATA_ERASED,
                new AuditSubject(target.ticketNumber(), null, null).withCitizen(target.phone()),
                "匿名化" + erasure.anonymised() + "件，办结" + erasure.closed() + "件：" + reason);
        return erasure;
    }

    @PostMapping("/api/v1/admin/retention/runs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "立即执行保存期限清理", description = "匿名化办结早于保存期限的工单；重复执行只处理剩余的")
    RetentionRun runRetention() {
        StaffMember admin = AuditAdminController.requireAdmin(currentStaff);
        return retention.runNow(admin.username());
    }

    @GetMapping("/api/v1/admin/retention/runs")
    @Operation(summary = "最近的保存期限清理记录")
    RetentionRuns retentionRuns() {
        AuditAdminController.requireAdmin(currentStaff);
        return new RetentionRuns(retention.recentRuns(50));
    }

    private record Target(String ticketNumber, PhoneNumber phone) {
    }

    private static Target target(String ticket, String phone, String ticketField) {
        String number = AuditAdminController.blankToNull(ticket);
        String digits = AuditAdminController.blankToNull(phone);
        if ((number == null) == (digits == null)) {
            throw new InvalidInputException(number == null ? ticketField : "phone", "target.oneRequired",
                    "请填写工单编号或电话号码（二选一）");
        }
        if (digits != null) {
            try {
                return new Target(null, new PhoneNumber(digits));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("phone", "phone.malformed", "请填写正确的手机号码或带区号的固定电话");
            }
        }
        String upper = number.toUpperCase(Locale.ROOT);
        if (!org.law12348.ticketing.TicketNumber.isWellFormed(upper)) {
            throw new InvalidInputException(ticketField, "ticketNumber.malformed", "工单编号格式不正确");
        }
        return new Target(upper, null);
    }

    private static String reason(String raw) {
        String value = AuditAdminController.blankToNull(raw);
        if (value == null || value.codePointCount(0, value.length()) < 2) {
            throw new InvalidInputException("reason", "field.required", "请填写删除理由（至少2个字）");
        }
        if (value.codePointCount(0, value.length()) > 500) {
            throw new InvalidInputException("reason", "field.tooLong", "删除理由不能超过500个字");
        }
        return value;
    }

    private static String numbers(CitizenDataExport export) {
        String all = String.join(",", export.tickets().stream().map(CitizenDataExport.TicketData::number).toList());
        return all.length() > 900 ? all.substring(0, 900) + "…" : all;
    }
}
