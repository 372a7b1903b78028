package org.law12348.ticketing.web;

import org.law12348.ticketing.StaffDirectory;
import org.law12348.ticketing.StaffMember;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The staff member behind the current request, if a staff member signed in. */
@Component
class CurrentStaff {

    private final StaffDirectory directory;

    CurrentStaff(StaffDirectory directory) {
        this.directory = directory;
    }

    Optional<StaffMember> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.ofNullable(directory.memberOf(auth.getPrincipal(), auth.getName(), auth.getAuthorities()));
    }

    StaffMember require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("需要工作人员登录"));
    }
}
