package org.law12348.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.time.Duration;

/**
 * Answers 429 with Retry-After when a request exceeds a limit of {@link RateLimits}: the JSON API a
 * problem detail, a page's form the same page again, forwarded to {@link #FORM_PAGE}, which shows how
 * long to wait with what the citizen typed still in it. Charges the ticket's allowance once the
 * endpoint has accepted a request (any answer below 400).
 */
class RateLimitFilter extends OncePerRequestFilter {

    /** Where a refused form is forwarded to be shown again (the citizen portal renders it). */
    static final String FORM_PAGE = "/rate-limited";

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
            refuse(request, response, admission.refusedFor().get());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() < 400) {
            admission.accepted();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws ServletException, IOException {
        long seconds = ProblemResponses.retryAfterSeconds(wait);
        if (UrlPathHelper.defaultInstance.getPathWithinApplication(request).startsWith("/api/")) {
            problems.tooManyRequests(response, wait, "rate.limited", "请求过于频繁，请" + seconds + "秒后再试");
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(seconds));
        request.getRequestDispatcher(FORM_PAGE + "?seconds=" + seconds).forward(request, response);
    }
}
