package org.law12348.telephony.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.internal.web.CallViews.CallView;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.TicketSearch;
import org.law12348.ticketing.TicketService;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The ticket view's neighbours: the same citizen's other tickets and hotline calls, found by the blind
 * index of the ticket's phone. It lives beside the call log because calls are this module's; the
 * tickets are only those the staff member may see anyway, and the read is audited against the citizen.
 */
@RestController
class TicketRelatedController {

    private static final int LIMIT = 20;

    @Schema(description = "同一市民的另一件工单")
    record RelatedTicket(String number, String status, String statusName, String businessTypeName, String subject,
                         String handlingUnitName, Instant createdAt) {
    }

    @Schema(description = "同一市民（按联系电话）的其他工单和热线通话，各最多20条，最新的在前")
    record RelatedView(List<RelatedTicket> otherTickets, List<CallView> calls) {
    }

    private final StaffGate gate;
    private final TicketService tickets;
    private final TicketSearch search;
    private final HandlingUnits units;
    private final CallRecords calls;
    private final CallViews views;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;

    TicketRelatedController(StaffGate gate, TicketService tickets, TicketSearch search, HandlingUnits units,
                            CallRecords calls, CallViews views, PersonalDataCipher cipher, AuditTrail audit) {
        this.gate = gate;
        this.tickets = tickets;
        this.search = search;
        this.units = units;
        this.calls = calls;
        this.views = views;
        this.cipher = cipher;
        this.audit = audit;
    }

    @GetMapping("/api/v1/staff/tickets/{number}/related")
    @Operation(summary = "该市民的其他工单和通话", description = "可查看本工单的承办人（本单位）、调度员、管理员；记入审计")
    RelatedView related(@PathVariable String number) {
        StaffMember staff = gate.require("查看市民的其他工单和通话");
        if (!TicketNumber.isWellFormed(number)) {
            throw new TicketNotFoundException(number);
        }
        Ticket ticket = tickets.view(number, staff);
        PhoneNumber phone = ticket.contact().phone();
        List<RelatedTicket> others = search.otherTicketsOfCitizen(ticket, staff, LIMIT).stream()
                .map(t -> new RelatedTicket(t.number(), t.status().name(), t.status().chineseName(),
                        t.businessType().chineseName(), staff.textOf(t, t.subject()), unitName(t.handlingUnit()),
                        t.createdAt()))
                .toList();
        List<CallView> callViews = phone == null ? List.of() : calls.findByCallerPhoneHashOrderByStartedAtDesc(
                cipher.blindIndex(phone.value()), PageRequest.of(0, LIMIT)).stream().map(c -> views.of(c, staff)).toList();
        audit.read(staff, AuditAction.CALLER_HISTORY_VIEWED, AuditSubject.ticket(ticket.number()).withCitizen(phone),
                "该市民其他工单" + others.size() + "件（" + String.join("、", others.stream().map(RelatedTicket::number).toList())
                        + "）、通话" + callViews.size() + "次");
        return new RelatedView(others, callViews);
    }

    private String unitName(String code) {
        return units.findById(code).map(HandlingUnit::name).orElse("（已停用的单位）");
    }
}
