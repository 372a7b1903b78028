package org.law12348.knowledge.web;

import org.law12348.ticketing.StaffDirectory;
import org.law12348.ticketing.StaffMember;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The staff member behind the current request, or null for citizens and anonymous callers. */
@Component
class KnowledgeStaff {

    private final StaffDirectory directory;

    KnowledgeStaff(StaffDirectory directory) {
        this.directory = directory;
    }

    StaffMember currentOrNull() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return directory.memberOf(auth.getPrincipal(), auth.getName(), auth.getAuthorities());
    }
}
