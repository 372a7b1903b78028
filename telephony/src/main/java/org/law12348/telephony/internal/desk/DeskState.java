package org.law12348.telephony.internal.desk;

/** Where a duty lawyer's phone desk stands towards the hotline queues. */
public enum DeskState {
    /** Not a member of the queues. */
    OFFLINE("未上线"),
    /** In the queues, taking calls. */
    READY("空闲"),
    /** In the queues, paused with a reason. */
    PAUSED("暂停"),
    /** The queue connected a call to the desk. */
    ON_CALL("通话中"),
    /** After-call work: paused for the configured wrap-up time after a queue call. */
    WRAP_UP("话后处理");

    private final String chineseName;

    DeskState(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The states a person chooses; the others follow from calls. */
    public boolean chosenByPerson() {
        return this == OFFLINE || this == READY || this == PAUSED;
    }
}
