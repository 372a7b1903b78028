package org.law12348.app;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import jakarta.servlet.http.MappingMatch;
import org.springframework.mock.web.MockHttpServletMapping;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public write — each write method of every Spring MVC mapping that the security configuration
 * lets an anonymous caller reach — falls under a limit of {@link RateLimits}. Found from the
 * configuration itself, so a new public POST without a limit fails here (issue 17: the old ask form,
 * registration, deflections and every tracking-token action had none).
 */
@LowLimitsApp
class PublicWritesAreLimitedTest {

    private static final Set<RequestMethod> WRITES = EnumSet.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    /**
     * Pages that answer any method and write nothing: the error page, and the pages the security
     * filters forward a refused request to (to say why).
     */
    private static final Set<String> WRITE_NOTHING = Set.of("/error", "/login/throttled", "/login/unavailable");
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("probe", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    FilterChainProxy security;
    @Autowired
    WebApplicationContext context;
    @Autowired
    RateLimits limits;

    @Test
    void everyWriteAnAnonymousCallerMayReachFallsUnderALimit() {
        Set<String> publicWrites = new TreeSet<>();
        Set<String> unlimited = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? WRITES : methods) {
                for (String pattern : info.getPatternValues()) {
                    if (!WRITES.contains(method) || WRITE_NOTHING.contains(pattern)) {
                        continue;
                    }
                    MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(),
                            method.name(), VARIABLE.matcher(pattern).replaceAll("GD20261128-000001"));
                    // as the container maps it: to Spring MVC's servlet, not Camunda's REST servlet
                    request.setHttpServletMapping(new MockHttpServletMapping("", "", "dispatcherServlet",
                            MappingMatch.DEFAULT));
                    if (anonymousMayReach(request)) {
                        publicWrites.add(method + " " + pattern);
                        if (!limits.limits(request)) {
                            unlimited.add(method + " " + pattern);
                        }
                    }
                }
            }
        }

        assertThat(publicWrites).as("the writes found public (a check of the search itself)")
                .contains("POST /api/v1/tickets", "POST /api/v1/consultant-registrations",
                        "POST /api/v1/kb/deflections", "POST /api/v1/tickets/{number}/erasure-requests",
                        "POST /api/v1/tickets/{number}/follow-ups", "POST /api/v1/miniapp/tickets/{number}/rating",
                        "POST /api/v1/citizen/consents", "DELETE /api/v1/citizen/consents/{consentId}",
                        "DELETE /api/v1/citizen/consents/current", "POST /api/v1/miniapp/erasure-requests")
                .doesNotContain("POST /api/v1/staff/tickets/{number}/accept", "POST /api/v1/kb/articles");
        assertThat(unlimited).as("public writes no rate limit counts (add them to RateLimits)").isEmpty();
    }

    /** What the first security filter chain for the request decides for an anonymous caller. */
    private boolean anonymousMayReach(HttpServletRequest request) {
        for (SecurityFilterChain chain : security.getFilterChains()) {
            if (chain.matches(request)) {
                for (Filter filter : chain.getFilters()) {
                    if (filter instanceof AuthorizationFilter authorization) {
                        AuthorizationManager<HttpServletRequest> manager = authorization.getAuthorizationManager();
                        AuthorizationResult result = manager.authorize(() -> ANONYMOUS, request);
                        return result != null && result.isGranted();
                    }
                }
                return true;
            }
        }
        return true;
    }

    @Test
    void theListOfPagesThatWriteNothingNamesOnlyExistingMappings() {
        List<String> patterns = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()).toList();
        assertThat(patterns).containsAll(WRITE_NOTHING);
    }
}
