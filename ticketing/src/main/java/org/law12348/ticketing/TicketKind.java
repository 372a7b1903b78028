package org.law12348.ticketing;

/** A legal question to be answered, or a matter a handling unit must take care of. */
public enum TicketKind {
    CONSULTATION("法律咨询"),
    SERVICE_REQUEST("服务申请");

    private final String chineseName;

    TicketKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
