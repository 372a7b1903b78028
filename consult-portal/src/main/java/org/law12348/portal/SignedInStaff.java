package org.law12348.portal;

import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.StaffDirectory;
import org.law12348.ticketing.StaffMember;
import org.springframework.stereotype.Component;

/** The signed-in staff member of a page request (security already let only staff in). */
@Component
public class SignedInStaff {

    private final CurrentStaff current;
    private final StaffDirectory directory;

    SignedInStaff(CurrentStaff current, StaffDirectory directory) {
        this.current = current;
        this.directory = directory;
    }

    public StaffMember require() {
        return current.require();
    }

    /** Why a consultant's certification does not let them work today (e.g. 资格状态为「待审核」). */
    public String whyNotCertified(String username) {
        return directory.whyNotCertified(username);
    }
}
