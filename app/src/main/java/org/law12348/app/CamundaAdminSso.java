package org.law12348.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.law12348.ticketing.StaffRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.UUID;

/**
 * Lets an administrator who signed in to the product use Cockpit without a second login: Camunda's
 * container-based authentication filter asks this provider who the user is, and it answers from
 * the Spring Security context (the security filter chain has already run and required ADMIN).
 */
public class CamundaAdminSso implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(StaffRole.ADMIN.authority()));
        if (!admin) {
            return AuthenticationResult.unsuccessful();
        }
        mirrorIntoCamunda(auth.getName(), engine);
        AuthenticationResult result = AuthenticationResult.successful(auth.getName());
        result.setGroups(List.of("camunda-admin"));
        return result;
    }

    /**
     * Camunda's web apps only accept users its identity store knows, so an administrator of the
     * product is mirrored there on first use, with an unusable random password (sign-in stays ours).
     */
    private static void mirrorIntoCamunda(String username, ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(username).count() > 0) {
            return;
        }
        User user = identity.newUser(username);
        user.setFirstName(username);
        user.setLastName("(12348)");
        user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
        identity.saveUser(user);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // The product's own login handles challenges; Camunda adds nothing.
    }
}
