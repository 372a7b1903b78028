package org.law12348.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
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
     * product is mirrored there on first use, with an unusable random password (sign-in stays ours),
     * and made a member of camunda-admin: while that group has no member, Cockpit sends everyone to
     * its first-user setup page instead (issue 19 saw it). This filter runs before Camunda's engines
     * filter, so the very first page request already finds the member.
     */
    private static void mirrorIntoCamunda(String username, ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(username).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
            return;
        }
        try {
            if (identity.createUserQuery().userId(username).count() == 0) {
                User user = identity.newUser(username);
                user.setFirstName(username);
                user.setLastName("(12348)");
                user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
                identity.saveUser(user);
            }
            if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
                Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
                group.setName("Camunda BPM Administrators");
                group.setType(Groups.GROUP_TYPE_SYSTEM);
                identity.saveGroup(group);
            }
            identity.createMembership(username, Groups.CAMUNDA_ADMIN);
        } catch (ProcessEngineException concurrentFirstUse) {
            // two first requests at once: the other one mirrored the administrator
            if (identity.createUserQuery().userId(username).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
                throw concurrentFirstUse;
            }
        }
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // The product's own login handles challenges; Camunda adds nothing.
    }
}
