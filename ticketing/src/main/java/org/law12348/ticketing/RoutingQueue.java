package org.law12348.ticketing;

/** Who picks a routed ticket up: the pool of certified volunteer consultants, or a handling unit. */
public enum RoutingQueue {
    VOLUNTEER_POOL("志愿者咨询池"),
    UNIT("承办单位");

    private final String chineseName;

    RoutingQueue(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
