package org.law12348.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.law12348.ticketing.StaffDirectory;
import org.law12348.ticketing.StaffDirectory.StaffPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * A session keeps the principal resolved at sign-in, with the authorities of that moment. This
 * filter, right after the session's security context is loaded, resolves the staff member again
 * for the current request: a consultant suspended or revoked (or whose certification expired)
 * since signing in loses the certified authority at once, and a disabled or deleted account is
 * signed out. The session itself keeps what it had; every request is decided on the fresh one.
 */
class StaffSessionRefresh extends OncePerRequestFilter {

    private final StaffDirectory directory;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    StaffSessionRefresh(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = contexts.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof StaffPrincipal principal) {
            Optional<StaffPrincipal> current = directory.reload(principal.getUsername());
            SecurityContext fresh = contexts.createEmptyContext();
            if (current.isPresent()) {
                UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                        current.get(), null, current.get().getAuthorities());
                token.setDetails(signedIn.getDetails());
                fresh.setAuthentication(token);
            } else {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            contexts.setContext(fresh);
        }
        chain.doFilter(request, response);
    }
}
