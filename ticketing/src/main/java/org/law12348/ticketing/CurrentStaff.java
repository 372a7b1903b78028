package org.law12348.ticketing;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The staff member behind the current request, if a staff member signed in: the one place that reads
 * Spring Security's context for it. Every module's endpoints ask this, then check the role themselves.
 */
@Component
public class CurrentStaff {

    private final StaffDirectory directory;

    CurrentStaff(StaffDirectory directory) {
        this.directory = directory;
    }

    /** The signed-in staff member; empty for citizens, anonymous callers and accounts no longer staff. */
    public Optional<StaffMember> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.ofNullable(directory.memberOf(auth.getPrincipal(), auth.getName(), auth.getAuthorities()));
    }

    /** The signed-in staff member, or a 401 ("需要工作人员登录") through the problem-details handler. */
    public StaffMember require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("需要工作人员登录"));
    }
}
