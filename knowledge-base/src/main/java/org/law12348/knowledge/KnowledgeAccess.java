package org.law12348.knowledge;

import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.springframework.security.access.AccessDeniedException;

/** Who may do what in the knowledge base; denials carry a Chinese message and answer 403. */
final class KnowledgeAccess {

    private KnowledgeAccess() {
    }

    /** Staff cleared for work: a consultant whose certification is not approved and valid is not. */
    static StaffMember requireStaff(StaffMember staff) {
        if (staff == null) {
            throw new AccessDeniedException("需要工作人员登录");
        }
        if (!staff.cleared()) {
            throw new AccessDeniedException("咨询师资格须经审核通过且在有效期内");
        }
        return staff;
    }

    /** Whether the caller sees articles as staff do (drafts and archived ones included). */
    static boolean seesUnpublished(StaffMember staffOrNull) {
        return staffOrNull != null && staffOrNull.cleared();
    }

    static StaffMember requireAdmin(StaffMember staff, String action) {
        if (requireStaff(staff).role() != StaffRole.ADMIN) {
            throw new AccessDeniedException("只有管理员可以" + action);
        }
        return staff;
    }

    static StaffMember requireAuthor(StaffMember staff) {
        if (!requireStaff(staff).hasRole(StaffRole.CONSULTANT, StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有咨询专家和管理员可以撰写知识库文章");
        }
        return staff;
    }

    /** Admins revise anything; consultants only their own drafts. */
    static void requireMayRevise(StaffMember staff, FaqArticle article) {
        requireAuthor(staff);
        if (staff.role() == StaffRole.ADMIN) {
            return;
        }
        if (!article.author().equals(staff.username()) || article.status() != ArticleStatus.DRAFT) {
            throw new AccessDeniedException("咨询专家只能修改自己尚未发布的草稿");
        }
    }
}
