package org.law12348.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.law12348.ticketing.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;

/** What the security filters answer on the JSON API: problem details, not HTML or empty bodies. */
@Component
class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            // Scripts in a page (the staff workspace) mark their calls: a Basic challenge there would make
            // the browser ask for a password in its own dialog and hold the call, instead of letting the
            // page sign the person in again.
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"12348\"");
            }
            write(response, HttpStatus.UNAUTHORIZED, "authentication.required", "请先登录或提供有效的账号密码");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "access.denied",
                "没有权限执行此操作");
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
