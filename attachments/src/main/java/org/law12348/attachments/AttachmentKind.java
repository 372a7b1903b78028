package org.law12348.attachments;

/** What an attachment is to the ticket; the citizen sees only what they sent themselves. */
public enum AttachmentKind {
    CALL_RECORDING("通话录音"),
    CITIZEN_FILE("市民提交的材料"),
    STAFF_DOCUMENT("工作人员添加的文书");

    private final String chineseName;

    AttachmentKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
