package org.law12348.telephony.internal.desk;

/**
 * Why a desk is paused. The code goes to the PBX as QueuePause's {@code Reason} (ASCII, so queue_log
 * and QueueMemberPause events stay readable on any console).
 */
public enum PauseReason {
    MEAL("用餐", "meal"),
    TRAINING("培训", "training"),
    AFTER_CALL_WORK("话后处理", "after-call-work"),
    OTHER("其他", "other");

    private final String chineseName;
    private final String pbxReason;

    PauseReason(String chineseName, String pbxReason) {
        this.chineseName = chineseName;
        this.pbxReason = pbxReason;
    }

    public String chineseName() {
        return chineseName;
    }

    public String pbxReason() {
        return pbxReason;
    }
}
