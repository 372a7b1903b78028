package org.law12348.miniapp.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.miniapp.internal.consent.AccountWithdrawal;
import org.law12348.miniapp.internal.consent.Consent;
import org.law12348.miniapp.internal.consent.Consents;
import org.law12348.miniapp.internal.tickets.MiniappTickets;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.retention.ErasureRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.law12348.miniapp.internal.web.MiniappTicketController.AUTH;

/**
 * The citizen app's privacy actions: consent to the notice recorded and withdrawn (anonymous on the
 * web, under the session's account in the mini-programs), and the mini-program citizen's request to
 * erase the personal data of all their tickets.
 */
@RestController
@Tag(name = "citizen-privacy", description = "市民授权同意的记录与撤回、删除个人信息的申请")
class PrivacyController {

    @Schema(description = "同意的个人信息保护说明版本（如 2026-12-06）与渠道：WEB、WECHAT 或 ALIPAY")
    record ConsentBody(String noticeVersion, String channel) {
    }

    @Schema(description = "已记录的同意：撤回时使用 consentId")
    record ConsentRecorded(String consentId, Instant recordedAt) {
    }

    // named apart from ticketing's ErasureRequestBody and ErasureRequested: springdoc names schemas by simple name
    @Schema(description = "删除申请的说明（可空，最多500字）")
    record AccountErasureBody(String note) {
    }

    @Schema(description = "一件工单的删除申请（requestedAt：待处理申请的登记时间）")
    record TicketErasure(String ticketNumber, Instant requestedAt) {
    }

    @Schema(description = "删除申请已登记（status：REQUESTED，账户下没有工单时为 NOTHING_TO_ERASE）")
    record AccountErasureRequested(String status, List<TicketErasure> tickets, String message) {
    }

    private final CurrentCitizen current;
    private final Consents consents;
    private final AccountWithdrawal withdrawal;
    private final MiniappTickets tickets;

    PrivacyController(CurrentCitizen current, Consents consents, AccountWithdrawal withdrawal,
                      MiniappTickets tickets) {
        this.current = current;
        this.consents = consents;
        this.withdrawal = withdrawal;
        this.tickets = tickets;
    }

    @PostMapping(path = "/api/v1/citizen/consents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "记录市民对个人信息保护说明的同意（小程序带登录凭证时记在该账户下，网页匿名）")
    ResponseEntity<ConsentRecorded> record(@RequestHeader(name = AUTH, required = false) String authorization,
                                           @RequestBody(required = false) ConsentBody body) {
        ConsentBody b = body == null ? new ConsentBody(null, null) : body;
        CurrentCitizen.Caller caller = authorization == null ? null : current.require(authorization);
        Consent consent = consents.record(b.noticeVersion(), b.channel(),
                caller == null ? null : caller.citizen().id(), caller == null ? null : caller.channel());
        return ResponseEntity.created(URI.create("/api/v1/citizen/consents/" + consent.id()))
                .body(new ConsentRecorded(consent.id(), consent.recordedAt()));
    }

    @DeleteMapping(path = "/api/v1/citizen/consents/{consentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "撤回同意（网页凭 consentId；记在小程序账户下的同意只能由该账户撤回）",
            description = "记录保留并标记为已撤回；不存在、已撤回或不属于调用者时返回 404")
    ResponseEntity<Void> withdraw(@RequestHeader(name = AUTH, required = false) String authorization,
                                  @PathVariable String consentId) {
        Long account = authorization == null ? null : current.require(authorization).citizen().id();
        consents.withdraw(consentId, account);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(path = "/api/v1/citizen/consents/current", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "小程序撤回同意：删除账户、登录状态和订阅授权，并为账户下的全部工单申请删除个人信息")
    ResponseEntity<Void> withdrawCurrent(@RequestHeader(name = AUTH, required = false) String authorization) {
        withdrawal.withdraw(current.require(authorization).citizen());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/miniapp/erasure-requests", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "申请删除我的个人信息（账户下的全部工单）",
            description = "由管理员核实身份后执行；全部工单已有待处理的申请时返回 200，不重复登记")
    ResponseEntity<AccountErasureRequested> requestErasure(
            @RequestHeader(name = AUTH, required = false) String authorization,
            @RequestBody(required = false) AccountErasureBody body) {
        CurrentCitizen.Caller caller = current.require(authorization);
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note();
        String detail = "市民通过小程序申请删除个人信息"
                + (note == null ? "" : "：" + TicketService.checkedText("note", note, 500));
        List<ErasureRequests.ErasureRequest> requests = tickets.requestErasure(caller.citizen(), detail);
        List<TicketErasure> listed = requests.stream()
                .map(r -> new TicketErasure(r.ticketNumber(), r.requestedAt())).toList();
        if (requests.isEmpty()) {
            return ResponseEntity.ok(new AccountErasureRequested("NOTHING_TO_ERASE", listed,
                    "您的账户下没有咨询记录。如需删除账户本身，请在“撤回同意”中撤回"));
        }
        boolean anyNew = requests.stream().anyMatch(r -> !r.alreadyOpen());
        return ResponseEntity.status(anyNew ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new AccountErasureRequested("REQUESTED", listed, anyNew
                        ? "删除申请已登记，工作人员核实身份后将删除您的个人信息"
                        : "您的删除申请已登记，正在等待工作人员核实身份，无需重复申请"));
    }
}
