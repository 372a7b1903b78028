package org.law12348.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Stands before form login, the workspace's sign-in, HTTP Basic and the consultant sign-up: a sign-in
 * attempt at an account from an address that failed too often for it, or any attempt from an address
 * that guessed at accounts too often, answers 429 with Retry-After, without the password being
 * checked. The form gets the sign-in page with the reason in Chinese, the rest a problem detail.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    /** Where a refused form sign-in is forwarded to be shown the login page with the reason. */
    static final String THROTTLED_PAGE = "/login/throttled";

    private static final RequestMatcher FORM_LOGIN = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/login");
    private static final RequestMatcher SIGN_UP = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/api/v1/consultant-registrations");
    /** The workspace's sign-in: the same form fields, answered with a problem detail when refused. */
    private static final RequestMatcher WORKSPACE_SIGN_IN = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/api/v1/session");

    private final LoginThrottle throttle;
    private final ClientAddresses addresses;
    private final ProblemResponses problems;

    LoginThrottleFilter(LoginThrottle throttle, ClientAddresses addresses, ProblemResponses problems) {
        this.throttle = throttle;
        this.addresses = addresses;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SIGN_UP.matches(request)) {
            signUp(request, response, chain);
            return;
        }
        boolean form = FORM_LOGIN.matches(request);
        Optional<String> username = form || WORKSPACE_SIGN_IN.matches(request)
                ? Optional.ofNullable(request.getParameter("username"))
                : basicUsername(request.getHeader("Authorization"));
        if (username.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String address = addresses.of(request);
        Optional<Duration> wait = throttle.blocked(username.get(), address);
        if (wait.isEmpty()) {
            throttle.attempt(address, () -> chain.doFilter(request, response));
            return;
        }
        long minutes = Math.max(1, (ProblemResponses.retryAfterSeconds(wait.get()) + 59) / 60);
        if (form) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", String.valueOf(ProblemResponses.retryAfterSeconds(wait.get())));
            request.getRequestDispatcher(THROTTLED_PAGE + "?minutes=" + minutes).forward(request, response);
        } else {
            problems.tooManyRequests(response, wait.get(), "login.throttled",
                    "登录失败次数过多，请" + minutes + "分钟后再试");
        }
    }

    /** A sign-up tells whether a username is taken: it spends the address's budget of account guesses. */
    private void signUp(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = addresses.of(request);
        Optional<Duration> wait = throttle.blocked(address);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (ProblemResponses.retryAfterSeconds(wait.get()) + 59) / 60);
            problems.tooManyRequests(response, wait.get(), "registration.throttled",
                    "尝试次数过多，请" + minutes + "分钟后再试");
            return;
        }
        throttle.attempt(address, () -> chain.doFilter(request, response));
    }

    /** The account an HTTP Basic header names; a malformed header is left for the Basic filter to refuse. */
    private static Optional<String> basicUsername(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
