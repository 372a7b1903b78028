package org.law12348.telephony;

/** How a hotline call ended up, as staff see it in the call log. */
public enum CallOutcome {
    IN_IVR("语音导航中"),
    QUEUED("排队中"),
    ANSWERED("已接通"),
    ABANDONED("排队放弃"),
    MISSED("未接通挂机"),
    MESSAGE_LEFT("已留言"),
    CALLBACK_REQUESTED("已预约回拨"),
    /** The caller chose the IVR's self-service look-up of a ticket's legal clocks: nobody owes a call back. */
    SELF_SERVICE("自助查询");

    private final String chineseName;

    CallOutcome(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
