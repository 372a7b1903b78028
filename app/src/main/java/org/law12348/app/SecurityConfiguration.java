package org.law12348.app;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Who may reach what. The JSON API authenticates staff by HTTP Basic or by the browser session of
 * the form login (then with CSRF protection); citizens reach the public intake and their tickets with
 * tracking tokens, which the controllers check. Pages use form login; Cockpit and the engine's REST
 * API are for administrators only. Both chains pass every request through the one rate limiter
 * ({@link RateLimits}), which stands in front of every public write.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({SecuritySettings.class, ApiDocsSettings.class})
class SecurityConfiguration {

    private static final String ADMIN = StaffRole.ADMIN.name();

    /**
     * The pages load scripts only from this server (no inline scripts or handlers: they live in
     * static files) and talk only to it. Styles may be inline: ECharts' tooltips and Swagger UI write
     * style attributes, and a style cannot run code.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
            "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'");

    private final RateLimitFilter rateLimits;
    private final LoginThrottleFilter loginThrottle;

    SecurityConfiguration(RateLimits rateLimits, LoginThrottle loginThrottle, ClientAddresses addresses,
                          ProblemResponses problems) {
        // not beans: a Filter bean would also be registered with the servlet container, outside the chains
        this.rateLimits = new RateLimitFilter(rateLimits, addresses, problems);
        this.loginThrottle = new LoginThrottleFilter(loginThrottle, addresses, problems);
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
                        .requestMatchers(HttpMethod.POST, "/api/v1/tickets/*/follow-ups",
                                "/api/v1/tickets/*/accept-answer", "/api/v1/tickets/*/rating").permitAll()
                        // a citizen's data requests, checked against the tracking token by the controller
                        .requestMatchers(HttpMethod.GET, "/api/v1/tickets/*/personal-data").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/tickets/*/erasure-requests").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/regions", "/api/v1/business-types").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/search", "/api/v1/kb/suggest",
                                "/api/v1/kb/articles/*", "/api/v1/kb/statutes/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/kb/deflections").permitAll()
                        .requestMatchers("/api/v1/miniapp/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/consultant-registrations").permitAll()
                        // the workspace's JSON sign-in: who is signed in, sign in, sign out (throttled like the form)
                        .requestMatchers("/api/v1/session").permitAll()
                        .requestMatchers("/api/v1/consultant/**").hasRole(StaffRole.CONSULTANT.name())
                        // knowledge-base editing: consultants and admins draft, only admins publish and import
                        .requestMatchers(HttpMethod.POST, "/api/v1/kb/articles/*/publish", "/api/v1/kb/articles/*/archive",
                                "/api/v1/kb/articles/*/reviewed", "/api/v1/kb/import", "/api/v1/kb/statutes/import",
                                "/api/v1/kb/reindex").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/review-queue").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/kb/articles", "/api/v1/kb/articles/from-ticket/*")
                        .hasAnyRole(StaffRole.CONSULTANT.name(), ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/kb/articles/*").hasAnyRole(StaffRole.CONSULTANT.name(), ADMIN)
                        // the review of consultants' answers: dispatchers flag, admins decide
                        .requestMatchers(HttpMethod.POST, "/api/v1/staff/answers/*/review").hasRole(ADMIN)
                        .requestMatchers("/api/v1/staff/answers/**").hasAnyRole(StaffRole.DISPATCHER.name(), ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/routing/**", "/api/v1/staff/**", "/api/v1/kb/**")
                        .hasAnyRole(staffRoles())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        SignInUnavailable.unlessUnavailable(problems.unauthenticated(), problems)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(notBrowserSession(), deflection()))
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
                        .requestMatchers("/console/**").hasAnyRole(StaffRole.DISPATCHER.name(),
                                StaffRole.UNIT_HANDLER.name(), ADMIN)
                        .requestMatchers("/consultant/**").hasRole(StaffRole.CONSULTANT.name())
                        .requestMatchers("/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/webjars/**")
                        .permitAll()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .failureHandler(SignInUnavailable.formFailure("/login?error")))
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        SignInUnavailable.unlessUnavailable(basicChallenge(), problems)))
                .logout(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // Camunda's web apps and REST API bring their own CSRF protection.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**"))
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

    /** What HTTP Basic answers by default on the pages' chain: 401 with a challenge. */
    private static AuthenticationEntryPoint basicChallenge() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("Realm");
        return challenge;
    }

    private static String[] staffRoles() {
        return java.util.Arrays.stream(StaffRole.values()).map(Enum::name).toArray(String[]::new);
    }

    /**
     * CSRF matters only where the browser adds credentials by itself: a session cookie. Requests with
     * an Authorization header, or with no session at all (citizens, scripts), cannot be forged that way.
     */
    /**
     * "This solved my problem" from the portal's script: anonymous, acting for nobody, so a forged
     * one gains an attacker nothing; and the portal's session holds no token the script could send.
     */
    private static RequestMatcher deflection() {
        return (HttpServletRequest request) -> HttpMethod.POST.matches(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/api/v1/kb/deflections");
    }

    private static RequestMatcher notBrowserSession() {
        return (HttpServletRequest request) -> request.getHeader("Authorization") != null
                || request.getSession(false) == null;
    }
}
