package org.law12348.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Answers 429 with Retry-After and a problem detail when a request exceeds a limit of
 * {@link RateLimits} (every limited endpoint is JSON API; the clients keep what the person typed and
 * say how long to wait). Charges the ticket's allowance once the endpoint has accepted a request (any
 * answer below 400).
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ClientAddresses addresses;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimits limits, ClientAddresses addresses, ProblemResponses problems) {
        this.limits = limits;
        this.addresses = addresses;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimits.Admission admission = limits.admit(request, addresses.of(request));
        if (admission.refusedFor().isPresent()) {
            Duration wait = admission.refusedFor().get();
            problems.tooManyRequests(response, wait, "rate.limited",
                    "请求过于频繁，请" + ProblemResponses.retryAfterSeconds(wait) + "秒后再试");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() < 400) {
            admission.accepted();
        }
    }
}
