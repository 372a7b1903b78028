package org.law12348.ticketing;

/** Where an open ticket stands against its deadline, as the console's queues slice them. */
public enum DeadlineState {
    /** Unanswered past its deadline. */
    OVERDUE("已超时"),
    /** Unanswered and due within the next two hours. */
    DUE_SOON("2小时内到期"),
    /** Waiting unanswered in the volunteer consultants' pool. */
    POOL_UNANSWERED("志愿者池未答复"),
    /** Handed over to the outsourced unit after nobody in the pool answered in time. */
    HANDED_OVER("已转外包单位");

    private final String chineseName;

    DeadlineState(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
