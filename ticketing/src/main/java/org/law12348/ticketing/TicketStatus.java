package org.law12348.ticketing;

/** Where a ticket stands in its lifecycle. */
public enum TicketStatus {
    /** Routed to a handling unit or the volunteer pool; nobody has taken it yet. */
    ROUTED("待受理"),
    /** Accepted by the handling unit (or claimed by a consultant) and being handled. */
    IN_PROGRESS("办理中"),
    /** An answer went back to the citizen. */
    ANSWERED("已答复"),
    CLOSED("已办结");

    private final String chineseName;

    TicketStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean isOpen() {
        return this != CLOSED;
    }
}
