package org.law12348.ticketing;

/**
 * A reassignment named the unit already handling the ticket. Accepting it would reset the assignee and
 * the deadline while changing nothing a person meant to change, so it is refused and said so.
 */
public class SameUnitException extends TicketStateException {

    private final String unitCode;

    public SameUnitException(String ticketNumber, TicketStatus status, String unitCode) {
        super(ticketNumber, status, "转派到原承办单位");
        this.unitCode = unitCode;
    }

    public String unitCode() {
        return unitCode;
    }

    @Override
    public String chineseMessage() {
        return "工单已由该单位承办，请选择其他单位";
    }
}
