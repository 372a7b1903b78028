package org.law12348.personaldata.audit;

/** What an audit entry records: a read of personal data, or a change. */
public enum AuditAction {
    TICKET_VIEWED(true, "查看工单详情"),
    TICKET_LIST_VIEWED(true, "查询工单列表"),
    CALL_LIST_VIEWED(true, "查询通话记录"),
    CALLER_HISTORY_VIEWED(true, "查看来电人历史"),
    RECORDING_PLAYED(true, "播放通话录音"),
    POOL_VIEWED(true, "查看咨询池问题"),
    CLAIMED_QUESTIONS_VIEWED(true, "查看已认领问题"),
    SIMILAR_TICKETS_VIEWED(true, "查看相似的已答复问题"),
    CITIZEN_DATA_EXPORTED(true, "导出市民个人信息"),
    AUDIT_SEARCHED(true, "查询审计日志"),
    ATTACHMENT_VIEWED(true, "查看工单附件"),
    CONSULTANT_DOCUMENT_VIEWED(true, "查看咨询师执业证照片"),
    TICKET_ACCEPTED(false, "受理工单"),
    TICKET_ANSWERED(false, "答复工单"),
    TICKET_REASSIGNED(false, "转派工单"),
    TICKET_ASSIGNED(false, "指派工单承办人"),
    TICKET_REROUTED(false, "更正后重新分派"),
    TICKET_MERGED(false, "合并工单"),
    NOTE_ADDED(false, "添加内部备注"),
    TICKET_CLOSED(false, "办结工单"),
    LEGAL_CLOCK_CHANGED(false, "法律期限管理"),
    HOLIDAY_CALENDAR_CHANGED(false, "节假日安排管理"),
    ATTACHMENT_ADDED(false, "添加工单附件"),
    ATTACHMENT_DELETED(false, "删除工单附件"),
    CERTIFICATION_DECIDED(false, "咨询师资格审核"),
    UNIT_CHANGED(false, "承办单位管理"),
    DESK_ASSIGNED(false, "热线坐席设置"),
    CANNED_REPLY_CHANGED(false, "常用回复管理"),
    ROUTING_CHANGED(false, "分派规则管理"),
    KNOWLEDGE_CHANGED(false, "知识库管理"),
    TICKET_ANONYMISED(false, "工单匿名化"),
    CITIZEN_ERASURE_REQUESTED(false, "市民申请删除个人信息"),
    CITIZEN_DATA_ERASED(false, "删除市民个人信息"),
    RETENTION_RUN(false, "保存期限清理"),
    UNUSED_ACCOUNTS_DELETED(false, "删除长期未使用的小程序账户");

    private final boolean read;
    private final String chineseName;

    AuditAction(boolean read, String chineseName) {
        this.read = read;
        this.chineseName = chineseName;
    }

    /** True for reads of personal data, false for changes. */
    public boolean isRead() {
        return read;
    }

    public String chineseName() {
        return chineseName;
    }
}
