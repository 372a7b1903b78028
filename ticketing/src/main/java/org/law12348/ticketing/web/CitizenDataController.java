package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.audit.AuditAction;
import org.law12348.ticketing.audit.AuditSubject;
import org.law12348.ticketing.audit.AuditTrail;
import org.law12348.ticketing.internal.TrackingTokens;
import org.law12348.ticketing.retention.CitizenData;
import org.law12348.ticketing.retention.CitizenDataExport;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's own data requests, proven by the tracking token of one of their tickets: a copy of
 * their data now, and erasure as a request that an administrator carries out (after checking who
 * asks, since a token proves one ticket, not a person). The request waits in the audit trail
 * ({@code CITIZEN_ERASURE_REQUESTED}), where the administrators' audit page lists it.
 */
@RestController
@Tag(name = "tickets", description = "网上提交与查询工单")
class CitizenDataController {

    @Schema(description = "删除申请的说明（可空，最多500字）")
    record ErasureRequestBody(String note) {
    }

    @Schema(description = "删除申请已登记")
    record ErasureRequested(String ticketNumber, String status, String message) {
    }

    private final CitizenData citizenData;
    private final TrackingTokens trackingTokens;
    private final AuditTrail audit;

    CitizenDataController(CitizenData citizenData, TrackingTokens trackingTokens, AuditTrail audit) {
        this.citizenData = citizenData;
        this.trackingTokens = trackingTokens;
        this.audit = audit;
    }

    @GetMapping("/api/v1/tickets/{number}/personal-data")
    @Operation(summary = "导出我的个人信息（市民凭查询凭证）",
            description = "本工单及同一微信/支付宝账号提交的工单；按电话号码关联的全部工单请向管理员申请")
    CitizenDataExport export(@PathVariable String number,
                             @RequestHeader(name = "X-Tracking-Token", required = false) String token) {
        requireCitizen(number, token);
        CitizenDataExport export = citizenData.exportForCitizen(number);
        audit.readByCitizen(AuditAction.CITIZEN_DATA_EXPORTED, AuditSubject.ticket(number),
                "市民自助导出" + export.tickets().size() + "件工单");
        return export;
    }

    @PostMapping("/api/v1/tickets/{number}/erasure-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "申请删除我的个人信息（市民凭查询凭证）", description = "由管理员核实身份后执行")
    ErasureRequested requestErasure(@PathVariable String number,
                                    @RequestHeader(name = "X-Tracking-Token", required = false) String token,
                                    @RequestBody(required = false) ErasureRequestBody body) {
        requireCitizen(number, token);
        String note = body == null ? null : AuditAdminController.blankToNull(body.note());
        String checked = note == null ? "" : "：" + org.law12348.ticketing.TicketService.checkedText("note", note, 500);
        audit.change(org.law12348.ticketing.Ticket.CITIZEN, AuditAction.CITIZEN_ERASURE_REQUESTED,
                AuditSubject.ticket(number), "市民申请删除个人信息" + checked);
        return new ErasureRequested(number, "REQUESTED", "删除申请已登记，工作人员核实身份后将删除您的个人信息");
    }

    private void requireCitizen(String number, String token) {
        if (!TicketNumber.isWellFormed(number) || !trackingTokens.matches(number, token)) {
            throw new TicketNotFoundException(number);
        }
    }
}
