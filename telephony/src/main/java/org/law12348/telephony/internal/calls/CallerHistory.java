package org.law12348.telephony.internal.calls;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.TicketLookup;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.clocks.ClockReading;
import org.law12348.ticketing.clocks.LegalClockService;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What ticketing knows about a caller, asked through its public lookup (cheap plain SQL behind it). */
@Component
public class CallerHistory {

    /** One open ticket of the caller, as the console lists it. */
    public record OpenTicket(String number, String businessType, String status, String subject, String handlingUnit,
                             Instant createdAt) {
    }

    /** A ticket of the caller's own as the IVR reads it out: its status and legal clocks, as of {@code today}. */
    public record OwnTicket(String number, TicketStatus status, List<ClockReading> clocks, LocalDate today) {
    }

    private final TicketLookup tickets;
    private final LegalClockService clocks;
    private final AuditTrail audit;

    CallerHistory(TicketLookup tickets, LegalClockService clocks, AuditTrail audit) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.audit = audit;
    }

    /** Open tickets under a normalised number ({@code PhoneNumber.value()}). */
    public int openTicketCount(String phone) {
        return tickets.openTicketCount(phone);
    }

    public List<OpenTicket> openTickets(String phone, int limit) {
        return tickets.openTickets(phone, limit).stream()
                .map(t -> new OpenTicket(t.number(), t.businessType(), t.status(), t.subject(), t.handlingUnit(),
                        t.createdAt()))
                .toList();
    }

    /**
     * Ticket {@code number} with its legal clocks, only when its contact phone is the number the caller
     * calls from; empty for a withheld number, an unknown ticket and another number's ticket alike, so
     * the hotline cannot be used to learn which tickets exist. A read is audited as the citizen's own
     * (through the hotline, with the call and the masked number) before anything is said.
     */
    public Optional<OwnTicket> ownTicket(String number, PhoneNumber caller, String callId) {
        if (caller == null) {
            return Optional.empty();
        }
        Optional<TicketStatus> status = tickets.statusForContact(number, caller);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        List<ClockReading> readings = clocks.forCitizen(number);
        audit.readByCitizen(AuditAction.TICKET_VIEWED, new AuditSubject(number, callId, caller.masked()),
                "12348热线语音自助查询（来电号码与工单联系电话一致）：工单状态、法律期限" + readings.size() + "项");
        return Optional.of(new OwnTicket(number, status.get(), readings, clocks.today()));
    }
}
