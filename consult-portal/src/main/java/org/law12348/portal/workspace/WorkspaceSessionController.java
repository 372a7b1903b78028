package org.law12348.portal.workspace;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The workspace's sign-in, as JSON: who is signed in, sign in, sign out. Sign-in goes through the
 * same authentication manager, events (and so the application's login throttle) and session handling
 * as the form login; unlike the form it answers JSON, so the workspace can sign a person in again in
 * a dialog after their session expired without leaving the page and losing what they typed.
 * <p>
 * The workspace learns the CSRF token from the {@code XSRF-TOKEN} cookie that reading the session
 * sets, and sends it back as {@code X-XSRF-TOKEN} on every write, sign-in included: a sign-in forged
 * by another site (which can neither read the cookie nor set the header) is refused.
 */
@RestController
@RequestMapping("/api/v1/session")
@Tag(name = "session", description = "工作台登录会话")
class WorkspaceSessionController {

    @Schema(description = "当前登录的工作人员；未登录时 signedIn 为 false，其余字段为空")
    record SessionView(boolean signedIn, String username, String displayName, String role, String unitCode,
                       String unitName) {

        static final SessionView ANONYMOUS = new SessionView(false, null, null, null, null, null);
    }

    private static final Logger log = LoggerFactory.getLogger(WorkspaceSessionController.class);
    private static final int MAX_USERNAME = 64;
    private static final int MAX_PASSWORD = 200;

    private final AuthenticationConfiguration authentication;
    private final CurrentStaff current;
    private final StaffAccounts accounts;
    private final HandlingUnits units;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    // the same cookie the API's CSRF protection reads (SecurityConfiguration): renewed at sign-in and sign-out
    private final CsrfTokenRepository csrfCookie = CookieCsrfTokenRepository.withHttpOnlyFalse();

    WorkspaceSessionController(AuthenticationConfiguration authentication, CurrentStaff current,
                               StaffAccounts accounts, HandlingUnits units) {
        this.authentication = authentication;
        this.current = current;
        this.accounts = accounts;
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "当前会话", description = "同时下发 XSRF-TOKEN Cookie，写操作须在 X-XSRF-TOKEN 请求头中带回")
    SessionView current(@Parameter(hidden = true) CsrfToken csrf) {
        csrf.getToken(); // loading the deferred token writes the cookie if the browser has none yet
        return current.find().map(this::view).orElse(SessionView.ANONYMOUS);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "登录", description = "表单字段 username、password；须带 X-XSRF-TOKEN 请求头。"
            + "失败次数过多时答复 429 和 Retry-After")
    @ApiResponse(responseCode = "200", description = "已登录",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @ApiResponse(responseCode = "400", description = "未填写用户名或密码",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "用户名或密码错误",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "缺少或不匹配的 X-XSRF-TOKEN",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "暂时无法核对账号（数据库不可用），稍后重试",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> signIn(@RequestParam(required = false) String username,
                             @RequestParam(required = false) String password,
                             @Parameter(hidden = true) CsrfToken csrf, HttpServletRequest request, HttpServletResponse response) {
        if (!sameToken(csrf.getToken(), request.getHeader(csrf.getHeaderName()))) {
            return problem(HttpStatus.FORBIDDEN, "csrf.invalid", "页面已过期，请重新登录", null);
        }
        if (username == null || username.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "field.required", "请填写用户名", "username");
        }
        if (password == null || password.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "field.required", "请填写密码", "password");
        }
        if (username.length() > MAX_USERNAME || password.length() > MAX_PASSWORD) {
            return problem(HttpStatus.BAD_REQUEST, "field.tooLong", "用户名或密码过长",
                    username.length() > MAX_USERNAME ? "username" : "password");
        }
        Authentication result;
        try {
            result = manager().authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username.strip(), password));
        } catch (InternalAuthenticationServiceException e) {
            // the account could not be looked up (database unreachable): an outage, not a wrong password
            log.warn("Workspace sign-in could not be checked: {}", String.valueOf(e.getCause()));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ApiProblems.problem(
                            HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable", "系统繁忙，请稍后重试", null));
        } catch (AuthenticationException e) {
            return problem(HttpStatus.UNAUTHORIZED, "login.failed", "用户名或密码错误，请重新输入", null);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation: a session known before sign-in is not the one after
        }
        contexts.saveContext(context, request, response);
        csrfCookie.saveToken(csrfCookie.generateToken(request), request, response);
        return ResponseEntity.ok(current.find().map(this::view).orElse(SessionView.ANONYMOUS));
    }

    @DeleteMapping
    @Operation(summary = "退出登录")
    @ApiResponse(responseCode = "204", description = "已退出")
    ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrfCookie.saveToken(csrfCookie.generateToken(request), request, response);
        return ResponseEntity.noContent().build();
    }

    private AuthenticationManager manager() {
        try {
            return authentication.getAuthenticationManager();
        } catch (Exception e) {
            throw new IllegalStateException("No authentication manager for the workspace sign-in", e);
        }
    }

    private SessionView view(StaffMember staff) {
        StaffAccount account = accounts.findById(staff.username()).orElse(null);
        String unitName = staff.unitCode() == null ? null
                : units.findById(staff.unitCode()).map(HandlingUnit::name).orElse(staff.unitCode());
        return new SessionView(true, staff.username(), account == null ? staff.username() : account.displayName(),
                staff.role().name(), staff.unitCode(), unitName);
    }

    private static boolean sameToken(String expected, String sent) {
        return sent != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail, String field) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.problem(status, code, detail, field));
    }
}
