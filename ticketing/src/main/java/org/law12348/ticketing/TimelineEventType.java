package org.law12348.ticketing;

/** Every kind of entry a ticket's append-only timeline can hold. */
public enum TimelineEventType {
    CREATED("工单创建"),
    ROUTED("已分派"),
    ACCEPTED("已受理"),
    ASSIGNED("已指派"),
    CLAIMED("咨询师已认领"),
    RELEASED("退回咨询池"),
    ANSWERED("已答复"),
    REASSIGNED("已转派"),
    HANDED_OVER("超时转外包单位"),
    ESCALATED("超时督办"),
    NOTE("内部备注"),
    FOLLOW_UP("追问"),
    ANSWER_ACCEPTED("问题已解决"),
    RATED("评价"),
    NOTIFIED("通知"),
    CLOSED("已办结"),
    REROUTED("更正后重新分派"),
    MERGED("合并为重复工单"),
    MERGED_FROM("并入重复工单");

    private final String chineseName;

    TimelineEventType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /**
     * Internal notes, delivery records and assignments (which name staff) are for staff; every other
     * entry is part of the citizen's view.
     */
    public boolean visibleToCitizen() {
        return this != NOTE && this != NOTIFIED && this != ASSIGNED;
    }
}
