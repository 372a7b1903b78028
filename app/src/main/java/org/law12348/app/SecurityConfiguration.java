package org.law12348.app;

import jakarta.servlet.http.HttpServletRequest;
import org.law12348.ticketing.StaffDirectory;
import org.law12348.ticketing.StaffRole;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Who may reach what. The JSON API authenticates staff by HTTP Basic or by the browser session of
 * the form login; every request carrying the session cookie needs the CSRF token, and no answer asks
 * a browser for Basic credentials; citizens reach the public intake and their tickets with
 * tracking tokens, which the controllers check. Pages use form login; Cockpit and the engine's REST
 * API are for administrators only. A consultant account is staff only while its certification is
 * approved and valid: the authorities are resolved again on every request ({@link StaffSessionRefresh}),
 * and the consultation services match the certification's fields and region question by question.
 * Both chains pass every request through the one rate limiter ({@link RateLimits}), which stands
 * in front of every public write.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({SecuritySettings.class, ApiDocsSettings.class})
class SecurityConfiguration {

    private static final String ADMIN = StaffRole.ADMIN.name();
    private static final String CONSULTANT = StaffRole.CONSULTANT.name();
    /** A consultant whose certification is approved and valid today (resolved on every request). */
    private static final String CERTIFIED = StaffDirectory.CERTIFIED_CONSULTANT;
    /**
     * Who may use staff endpoints: every role but consultants, and consultants only while certified.
     * A consultant account alone (applied, rejected, expired, suspended, revoked) is not staff.
     */
    private static final String[] WORKING_STAFF = {StaffRole.DISPATCHER.name(), StaffRole.UNIT_HANDLER.name(),
            ADMIN, CERTIFIED};

    /**
     * The pages load scripts only from this server (no inline scripts or handlers: they live in
     * static files) and talk only to it. Styles may be inline: ECharts' tooltips and Swagger UI write
     * style attributes, and a style cannot run code. Images may also be {@code blob:} URLs, which only
     * the page itself makes: the citizen app shows the photos a citizen picked, or fetched with their
     * proof of ownership, that way.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
            "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'");

    private final RateLimitFilter rateLimits;
    private final LoginThrottleFilter loginThrottle;
    private final StaffSessionRefresh sessionRefresh;

    SecurityConfiguration(RateLimits rateLimits, LoginThrottle loginThrottle, ClientAddresses addresses,
                          ProblemResponses problems, StaffDirectory directory) {
        // not beans: a Filter bean would also be registered with the servlet container, outside the chains
        this.rateLimits = new RateLimitFilter(rateLimits, addresses, problems);
        this.loginThrottle = new LoginThrottleFilter(loginThrottle, addresses, problems);
        this.sessionRefresh = new StaffSessionRefresh(directory, problems);
    }

    /**
     * No Micrometer observation around each of the chain's filters and authorisation decisions: the
     * wrappers took about 7 % of an intake request's CPU samples (JFR of bench/run.sh intake). Requests
     * are still observed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/tickets").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/tickets/*").permitAll()
                        // the legal clocks of the citizen's own ticket, checked like the ticket read
                        .requestMatchers(HttpMethod.GET, "/api/v1/tickets/*/clocks").permitAll()
                        // the citizen's own attachments, checked against the tracking token by the controller
                        .requestMatchers(HttpMethod.GET, "/api/v1/tickets/*/attachments",
                                "/api/v1/tickets/*/attachments/*/content").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/tickets/*/attachments").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/tickets/*/follow-ups",
                                "/api/v1/tickets/*/accept-answer", "/api/v1/tickets/*/rating").permitAll()
                        // a citizen's data requests, checked against the tracking token by the controller
                        .requestMatchers(HttpMethod.GET, "/api/v1/tickets/*/personal-data").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/tickets/*/erasure-requests").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/regions", "/api/v1/business-types").permitAll()
                        // the legal-aid guide's "where to go": public reference data
                        .requestMatchers(HttpMethod.GET, "/api/v1/legal-aid-centres").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/search", "/api/v1/kb/suggest",
                                "/api/v1/kb/articles/*", "/api/v1/kb/statutes/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/kb/deflections").permitAll()
                        // the ask form's legal-clock question for the draft being typed: stores nothing
                        .requestMatchers(HttpMethod.POST, "/api/v1/clock-question").permitAll()
                        .requestMatchers("/api/v1/miniapp/**").permitAll()
                        // consent to the citizen app's privacy notice: anonymous on the web, the mini-program
                        // session (checked by the controller) in the mini-programs
                        .requestMatchers(HttpMethod.POST, "/api/v1/citizen/consents").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/citizen/consents/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/consultant-registrations").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/consultant-registrations/documents").permitAll()
                        // the workspace's JSON sign-in: who is signed in, sign in, sign out (throttled like the form)
                        .requestMatchers("/api/v1/session").permitAll()
                        // any consultant account, whatever its certification: its own application and points
                        .requestMatchers(HttpMethod.GET, "/api/v1/consultant/me", "/api/v1/consultant/points")
                        .hasRole(CONSULTANT)
                        .requestMatchers(HttpMethod.POST, "/api/v1/consultant/application").hasRole(CONSULTANT)
                        // the pool, claims, answers, the leaderboard: an approved, unexpired certification
                        .requestMatchers("/api/v1/consultant/**").hasRole(CERTIFIED)
                        // knowledge-base editing: certified consultants and admins draft, only admins publish and import
                        .requestMatchers(HttpMethod.POST, "/api/v1/kb/articles/*/publish", "/api/v1/kb/articles/*/archive",
                                "/api/v1/kb/articles/*/reviewed", "/api/v1/kb/import", "/api/v1/kb/statutes/import",
                                "/api/v1/kb/reindex").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/review-queue").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/kb/articles", "/api/v1/kb/articles/from-ticket/*")
                        .hasAnyRole(CERTIFIED, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/kb/articles/*").hasAnyRole(CERTIFIED, ADMIN)
                        // the review of consultants' answers: dispatchers flag, admins decide
                        .requestMatchers(HttpMethod.POST, "/api/v1/staff/answers/*/review").hasRole(ADMIN)
                        .requestMatchers("/api/v1/staff/answers/**").hasAnyRole(StaffRole.DISPATCHER.name(), ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/routing/**", "/api/v1/staff/**", "/api/v1/kb/**")
                        .hasAnyRole(WORKING_STAFF)
                        .anyRequest().hasAnyRole(WORKING_STAFF))
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        SignInUnavailable.unlessUnavailable(problems.unauthenticated(), problems)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                // API clients are never sent back to a page after signing in: a 401 must not start a session
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(scriptWithoutSession(), deflection()))
                .addFilterAfter(sessionRefresh, SecurityContextHolderFilter.class)
                .addFilterBefore(rateLimits, BasicAuthenticationFilter.class)
                .addFilterBefore(loginThrottle, BasicAuthenticationFilter.class);
        securityHeaders(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ProblemResponses problems, ApiDocsSettings apiDocs) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                        .access(apiDocs.anonymousAccess() ? (authentication, request) -> new AuthorizationDecision(true)
                                : AuthorityAuthorizationManager.hasRole(ADMIN))
                        .requestMatchers("/camunda/**", "/engine-rest/**", "/actuator/**", "/admin/**").hasRole(ADMIN)
                        .requestMatchers("/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/webjars/**")
                        .permitAll()
                        .anyRequest().permitAll())
                // staff land in the workspace, which opens each role's home (or where they were going)
                .formLogin(form -> form.loginPage("/login").permitAll().defaultSuccessUrl("/workspace/")
                        .failureHandler(SignInUnavailable.formFailure("/login?error")))
                // scripts may still send Basic credentials, but a browser is never asked for them
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        SignInUnavailable.unlessUnavailable(problems.unauthenticated(), problems)))
                .logout(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // Camunda's web apps bring their own CSRF protection; its REST API has none, so only scripts
                // (no session cookie) go without a token there
                .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
                                scriptWithoutSession())))
                .addFilterAfter(sessionRefresh, SecurityContextHolderFilter.class)
                .addFilterBefore(rateLimits, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(loginThrottle, UsernamePasswordAuthenticationFilter.class);
        securityHeaders(http);
        return http.build();
    }

    /**
     * Same-origin framing (Cockpit frames itself), no MIME sniffing, no referrer to other sites
     * (tracking links carry the citizen's token), and the content security policy everywhere except
     * Camunda's web apps, which send their own.
     */
    private static void securityHeaders(HttpSecurity http) throws Exception {
        RequestMatcher notCamunda = new NegatedRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"));
        http.headers(headers -> headers
                .frameOptions(frame -> frame.sameOrigin())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notCamunda,
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))));
    }

    /**
     * "This solved my problem" from the portal's script, and the ask form's legal-clock question (which
     * stores nothing): anonymous, acting for nobody, so a forged one gains an attacker nothing; and the
     * portal's session holds no token the script could send.
     */
    private static RequestMatcher deflection() {
        return (HttpServletRequest request) -> HttpMethod.POST.matches(request.getMethod())
                && (request.getRequestURI().equals(request.getContextPath() + "/api/v1/kb/deflections")
                || request.getRequestURI().equals(request.getContextPath() + "/api/v1/clock-question"));
    }

    /**
     * The requests that need no CSRF token: those a browser cannot have sent on a signed-in user's
     * behalf from another site. The ambient credential a browser adds by itself is the session cookie,
     * so any request carrying one needs the token, whatever other headers (an Authorization header
     * included) it carries. Scripts using HTTP Basic without a cookie go without; so do citizens and
     * the mini-programs, who hold no session. A request the browser itself marks as coming from
     * another site ({@code Sec-Fetch-Site}, which pages cannot set) is never exempt either: browsers
     * are never asked for Basic credentials, but one that still holds some must not post them for
     * another site.
     */
    private static RequestMatcher scriptWithoutSession() {
        return (HttpServletRequest request) -> request.getRequestedSessionId() == null
                && !isCrossSite(request.getHeader("Sec-Fetch-Site"));
    }

    private static boolean isCrossSite(String fetchSite) {
        return fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none");
    }
}
