package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.internal.TrackingTokens;
import org.law12348.ticketing.retention.CitizenData;
import org.law12348.ticketing.retention.CitizenDataExport;
import org.law12348.ticketing.retention.ErasureRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * A citizen's own data requests, proven by the tracking token of one of their tickets: a copy of
 * their data now, and erasure as a request that an administrator carries out (after checking who
 * asks, since a token proves one ticket, not a person); see {@link ErasureRequests}.
 */
@RestController
@Tag(name = "tickets", description = "网上提交与查询工单")
class CitizenDataController {

    @Schema(description = "删除申请的说明（可空，最多500字）")
    record ErasureRequestBody(String note) {
    }

    @Schema(description = "删除申请已登记（requestedAt：待处理申请的登记时间）")
    record ErasureRequested(String ticketNumber, String status, Instant requestedAt, String message) {
    }

    private final CitizenData citizenData;
    private final TrackingTokens trackingTokens;
    private final AuditTrail audit;
    private final ErasureRequests erasureRequests;

    CitizenDataController(CitizenData citizenData, TrackingTokens trackingTokens, AuditTrail audit,
                          ErasureRequests erasureRequests) {
        this.citizenData = citizenData;
        this.trackingTokens = trackingTokens;
        this.audit = audit;
        this.erasureRequests = erasureRequests;
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
    @Operation(summary = "申请删除我的个人信息（市民凭查询凭证）",
            description = "由管理员核实身份后执行；已有待处理的申请时返回该申请（200），不重复登记")
    ResponseEntity<ErasureRequested> requestErasure(@PathVariable String number,
                                                    @RequestHeader(name = "X-Tracking-Token", required = false) String token,
                                                    @RequestBody(required = false) ErasureRequestBody body) {
        requireCitizen(number, token);
        String note = body == null ? null : AuditAdminController.blankToNull(body.note());
        String checked = note == null ? "" : "：" + org.law12348.ticketing.TicketService.checkedText("note", note, 500);
        ErasureRequests.ErasureRequest request = erasureRequests.request(number, "市民申请删除个人信息" + checked);
        return ResponseEntity.status(request.alreadyOpen() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(new ErasureRequested(number, "REQUESTED", request.requestedAt(), request.alreadyOpen()
                        ? "您的删除申请已登记，正在等待工作人员核实身份，无需重复申请"
                        : "删除申请已登记，工作人员核实身份后将删除您的个人信息"));
    }

    private void requireCitizen(String number, String token) {
        if (!TicketNumber.isWellFormed(number) || !trackingTokens.matches(number, token)) {
            throw new TicketNotFoundException(number);
        }
    }
}
