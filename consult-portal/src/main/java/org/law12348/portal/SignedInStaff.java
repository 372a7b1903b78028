package org.law12348.portal;

import org.law12348.ticketing.StaffDirectory;
import org.law12348.ticketing.StaffMember;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in staff member of a page request (security already let only staff in). */
@Component
public class SignedInStaff {

    private final StaffDirectory directory;

    SignedInStaff(StaffDirectory directory) {
        this.directory = directory;
    }

    public StaffMember require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        StaffMember member = auth == null ? null
                : directory.memberOf(auth.getPrincipal(), auth.getName(), auth.getAuthorities());
        if (member == null) {
            throw new AuthenticationCredentialsNotFoundException("需要工作人员登录");
        }
        return member;
    }

    /** Why a consultant's certification does not let them work today (e.g. 资格状态为「待审核」). */
    public String whyNotCertified(String username) {
        return directory.whyNotCertified(username);
    }
}
