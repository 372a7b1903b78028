package org.law12348.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.law12348.ticketing.StaffDirectory;
import org.law12348.ticketing.StaffDirectory.StaffPrincipal;
import org.law12348.ticketing.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;

/** What the security filters answer on the JSON API: problem details, not HTML or empty bodies. */
@Component
class ProblemResponses {

    private final ObjectMapper json;
    private final StaffDirectory directory;

    ProblemResponses(ObjectMapper json, StaffDirectory directory) {
        this.json = json;
        this.directory = directory;
    }

    /**
     * 401 without a {@code WWW-Authenticate: Basic} challenge: a browser answers that challenge with
     * its own password dialog and then adds the credentials it was given to every later request to
     * this server, cross-site form posts included. Scripts send their Basic credentials up front
     * ({@code curl -u} does); browsers sign in through the login page.
     */
    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) ->
                write(response, HttpStatus.UNAUTHORIZED, "authentication.required", "请先登录或提供有效的账号密码");
    }

    /**
     * 403; a consultant without a valid certification is told why (their certification's state) and
     * what is still open to them, under its own code.
     */
    AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal
                    && !principal.member().cleared()) {
                write(response, HttpStatus.FORBIDDEN, "consultant.notCertified",
                        directory.whyNotCertified(principal.getUsername())
                                + "，只能查看自己的资格申请和积分；资格审核通过且在有效期内才能使用此功能");
                return;
            }
            write(response, HttpStatus.FORBIDDEN, "access.denied", "没有权限执行此操作");
        };
    }

    /** 429 with Retry-After in whole seconds (rounded up: a client retrying on time must get through). */
    void tooManyRequests(HttpServletResponse response, Duration wait, String code, String detail) throws IOException {
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds(wait)));
        write(response, HttpStatus.TOO_MANY_REQUESTS, code, detail);
    }

    /** 503: the service cannot answer now (the database is unreachable); the caller retries after {@code seconds}. */
    void serviceUnavailable(HttpServletResponse response, String seconds) throws IOException {
        response.setHeader("Retry-After", seconds);
        write(response, HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable", "系统繁忙，请稍后重试");
    }

    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ApiProblems.problem(status, code, detail, null));
    }
}
