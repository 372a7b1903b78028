package org.law12348.telephony.internal.calls;

import org.law12348.ticketing.TicketLookup;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** What ticketing knows about a caller, asked through its public lookup (cheap plain SQL behind it). */
@Component
public class CallerHistory {

    /** One open ticket of the caller, as the console lists it. */
    public record OpenTicket(String number, String businessType, String status, String subject, String handlingUnit,
                             Instant createdAt) {
    }

    private final TicketLookup tickets;

    CallerHistory(TicketLookup tickets) {
        this.tickets = tickets;
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
}
