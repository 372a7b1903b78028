package org.law12348.ticketing.clocks;

/** No clock with this id on this ticket (or the ticket is not visible): answered as 404. */
public class LegalClockNotFoundException extends RuntimeException {

    public LegalClockNotFoundException(String ticketNumber, long clockId) {
        super("No legal clock " + clockId + " on ticket " + ticketNumber);
    }
}
