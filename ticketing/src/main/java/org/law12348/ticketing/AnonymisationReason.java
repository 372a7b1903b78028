package org.law12348.ticketing;

/** Why a ticket lost its personal data; the marker replaces every text that may have held some. */
public enum AnonymisationReason {
    RETENTION("（已按保存期限匿名化）"),
    ERASURE_REQUEST("（已应市民要求删除个人信息）");

    private final String marker;

    AnonymisationReason(String marker) {
        this.marker = marker;
    }

    public String marker() {
        return marker;
    }
}
