package org.law12348.ticketing;

/**
 * A citizen rates a ticket once: a second rating, from a page left open or a script, changes nothing.
 * A {@link TicketStateException}, so every door that explains a refused action explains this one too.
 */
public class RatingAlreadyGivenException extends TicketStateException {

    public RatingAlreadyGivenException(String ticketNumber, TicketStatus status) {
        super(ticketNumber, status, "再次评价");
    }

    @Override
    public String chineseMessage() {
        return "这件咨询已经评价过了，每件咨询只能评价一次";
    }
}
