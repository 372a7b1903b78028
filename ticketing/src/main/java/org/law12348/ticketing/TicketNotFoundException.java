package org.law12348.ticketing;

/** No ticket with that number exists, or the caller may not know that it does. */
public class TicketNotFoundException extends RuntimeException {

    private final String ticketNumber;

    public TicketNotFoundException(String ticketNumber) {
        super("Ticket " + ticketNumber + " not found");
        this.ticketNumber = ticketNumber;
    }

    public String ticketNumber() {
        return ticketNumber;
    }
}
