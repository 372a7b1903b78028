package org.law12348.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Answers 429 with Retry-After when a client exceeds the rate of a limited endpoint (see {@link RateLimits}). */
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
        Optional<Duration> wait = limits.take(request, addresses.of(request));
        if (wait.isPresent()) {
            long seconds = ProblemResponses.retryAfterSeconds(wait.get());
            problems.tooManyRequests(response, wait.get(), "rate.limited", "请求过于频繁，请" + seconds + "秒后再试");
            return;
        }
        chain.doFilter(request, response);
    }
}
