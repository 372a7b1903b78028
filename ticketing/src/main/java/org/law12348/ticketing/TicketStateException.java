package org.law12348.ticketing;

/** The ticket's current state forbids the action asked for (e.g. answering a closed ticket). */
public class TicketStateException extends RuntimeException {

    private final String ticketNumber;
    private final TicketStatus status;
    private final String action;

    public TicketStateException(String ticketNumber, TicketStatus status, String action) {
        super("Ticket " + ticketNumber + " is " + status + "; cannot " + action);
        this.ticketNumber = ticketNumber;
        this.status = status;
        this.action = action;
    }

    public String ticketNumber() {
        return ticketNumber;
    }

    public TicketStatus status() {
        return status;
    }

    public String action() {
        return action;
    }

    /** What a person reads: 工单当前状态为「已办结」，不能答复. */
    public String chineseMessage() {
        return "工单当前状态为「" + status.chineseName() + "」，不能" + action;
    }
}
