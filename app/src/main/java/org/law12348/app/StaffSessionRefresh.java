package org.law12348.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.law12348.ticketing.StaffDirectory;
import org.law12348.ticketing.StaffDirectory.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * A session keeps the principal resolved at sign-in, with the authorities of that moment. This
 * filter, right after the session's security context is loaded, resolves the staff member again
 * for the current request: a consultant suspended or revoked (or whose certification expired)
 * since signing in loses the certified authority at once, and a disabled or deleted account is
 * signed out. The session itself keeps what it had; every request is decided on the fresh one.
 * While the database is unreachable the member cannot be read: that is an outage (503 with
 * Retry-After, as for a sign-in that cannot be checked), never a reason to sign anybody out.
 */
class StaffSessionRefresh extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaffSessionRefresh.class);

    private final StaffDirectory directory;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    StaffSessionRefresh(StaffDirectory directory, ProblemResponses problems) {
        this.directory = directory;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = contexts.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof StaffPrincipal principal) {
            Optional<StaffPrincipal> current;
            try {
                current = directory.reload(principal.getUsername());
            } catch (DataAccessException | TransactionException unreachable) {
                log.warn("Signed-in staff member could not be read: {}", String.valueOf(unreachable.getMessage()));
                problems.serviceUnavailable(response, SignInUnavailable.RETRY_AFTER);
                return;
            }
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
