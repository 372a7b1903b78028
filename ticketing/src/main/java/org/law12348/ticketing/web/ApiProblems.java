package org.law12348.ticketing.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.law12348.personaldata.audit.InvalidAuditSearchException;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.RatingAlreadyGivenException;
import org.law12348.ticketing.SameUnitException;
import org.law12348.ticketing.SubmissionConflictException;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketRouting;
import org.law12348.ticketing.TicketStateException;
import org.law12348.ticketing.clocks.LegalClockNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error of the JSON API as an RFC 7807 problem detail: a stable English {@code code} and
 * {@code type}, a Chinese {@code detail} for people, and the offending {@code field} when there is
 * one. No stack trace or exception text ever reaches the caller.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** Builds a problem detail the way every module of the product answers errors. */
    public static ProblemDetail problem(HttpStatusCode status, String code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:law12348:problem:" + code));
        problem.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return invalidInput(e);
    }

    @ExceptionHandler(InvalidAuditSearchException.class)
    ResponseEntity<ProblemDetail> invalidAuditSearch(InvalidAuditSearchException e) {
        return invalidInput(new InvalidInputException(e.field(), e.code(), e.getMessage()));
    }

    /** The answer to bad input: the first violation as the problem, every violation under {@code errors}. */
    private static ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        InvalidInputException.Violation first = e.violations().get(0);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, first.code(), first.message(), first.field());
        problem.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.field(), "code", v.code(), "message", v.message()))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(TicketNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "ticket.notFound", "工单不存在或无权查看", null));
    }

    @ExceptionHandler(org.law12348.ticketing.SavedViewNotFoundException.class)
    ResponseEntity<ProblemDetail> savedViewNotFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "view.notFound", "视图不存在或已删除", "id"));
    }

    @ExceptionHandler(RatingAlreadyGivenException.class)
    ResponseEntity<ProblemDetail> ratedBefore(RatingAlreadyGivenException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "rating.alreadyGiven", e.chineseMessage(), "score"));
    }

    @ExceptionHandler(org.law12348.ticketing.replies.CannedReplyNotFoundException.class)
    ResponseEntity<ProblemDetail> cannedReplyNotFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "cannedReply.notFound", "常用回复不存在或已被删除", "id"));
    }

    @ExceptionHandler(SameUnitException.class)
    ResponseEntity<ProblemDetail> sameUnit(SameUnitException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "ticket.sameUnit", e.chineseMessage(), "unitCode");
        problem.setProperty("unitCode", e.unitCode());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(TicketStateException.class)
    ResponseEntity<ProblemDetail> conflict(TicketStateException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "ticket.stateConflict", e.chineseMessage(), "status");
        problem.setProperty("status", e.status().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Says nothing of the ticket the reference was first used for: not its number, status or existence beyond this. */
    @ExceptionHandler(SubmissionConflictException.class)
    ResponseEntity<ProblemDetail> submissionConflict(SubmissionConflictException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem(HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotencyKey.reused", e.chineseMessage(), e.field()));
    }

    @ExceptionHandler(LegalClockNotFoundException.class)
    ResponseEntity<ProblemDetail> clockNotFound(LegalClockNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "clock.notFound", "该工单没有这个法律期限", "clockId"));
    }

    @ExceptionHandler(org.law12348.personaldata.audit.AuditUnavailableException.class)
    ResponseEntity<ProblemDetail> auditUnavailable(RuntimeException e) {
        log.error("Refusing a request whose audit entry cannot be written: {}", e.getMessage(), e.getCause());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "audit.unavailable", "审计记录暂时无法写入，请稍后重试", null));
    }

    @ExceptionHandler(org.law12348.ticketing.retention.RetentionDisabledException.class)
    ResponseEntity<ProblemDetail> retentionDisabled(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "retention.disabled", "保存期限清理已按配置停用", null));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().equals("Access Denied")
                ? e.getMessage() : "没有权限执行此操作";
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "access.denied", detail, null));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(problem(HttpStatus.UNAUTHORIZED, "authentication.required", "请先登录", null));
    }

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        return serviceUnavailable(e);
    }

    private static ResponseEntity<ProblemDetail> serviceUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable", "系统繁忙，请稍后重试", null));
    }

    /** Spring Security's firewall refused a header or path (non-ASCII header value, encoded slash …). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        log.info("Request rejected by the firewall: {}", e.getMessage());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.rejected",
                "请求头或地址含有不允许的字符", null));
    }

    @ExceptionHandler(TicketRouting.NoRouteException.class)
    ResponseEntity<ProblemDetail> noRoute(TicketRouting.NoRouteException e) {
        log.error("Routing table has no rule for a valid request: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "60")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "routing.noRule", "分派规则暂不可用，请稍后重试", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.isConnectionFailure(e)) {
            return serviceUnavailable(e);
        }
        if (DatabaseFailures.isUnstorableText(e)) {
            // a validator missed a character the database cannot hold: the caller's input, not our defect
            log.warn("Input the database cannot store reached it: {}", e.toString());
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "text.invalidCharacters",
                    "内容含有无法保存的字符（如空字符）", null));
        }
        log.error("Unexpected error answering an API request", e);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal.error", "系统内部错误，请稍后重试", null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                        "body.tooLarge", "请求体过大，上限为 " + RequestSizeLimit.MAX_JSON_BYTES / 1024 + " KB", "body"));
            }
        }
        String field = fieldOf(ex);
        String detail = field == null ? "请求体不是有效的 JSON" : "字段 " + field + " 的类型或格式不正确";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST,
                field == null ? "body.malformed" : "field.wrongType", detail, field == null ? "body" : field));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        String code;
        String detail;
        String field = null;
        if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
            code = "contentType.unsupported";
            // uploads take multipart/form-data; everything else JSON
            detail = "请求的 Content-Type 应为 " + (unsupported.getSupportedMediaTypes().contains(
                    org.springframework.http.MediaType.MULTIPART_FORM_DATA) ? "multipart/form-data" : "application/json");
            field = "Content-Type";
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            code = "accept.unsupported";
            detail = "无法按 Accept 要求的格式返回";
            field = "Accept";
        } else if (ex instanceof HttpRequestMethodNotSupportedException) {
            code = "method.notAllowed";
            detail = "不支持此请求方法";
        } else if (ex instanceof MissingServletRequestParameterException m) {
            code = "field.required";
            field = m.getParameterName();
            detail = "缺少参数 " + field;
        } else if (ex instanceof MissingRequestHeaderException m) {
            code = "header.required";
            field = m.getHeaderName();
            detail = "缺少请求头 " + field;
        } else if (ex instanceof MethodArgumentTypeMismatchException m) {
            code = "field.wrongType";
            field = m.getName();
            detail = "参数 " + field + " 的格式不正确";
        } else if (ex instanceof org.springframework.beans.TypeMismatchException m) {
            code = "field.wrongType";
            field = m.getPropertyName();
            detail = "参数格式不正确";
        } else if (ex instanceof NoResourceFoundException) {
            code = "resource.notFound";
            detail = "请求的地址不存在";
        } else {
            code = "request.invalid";
            detail = statusCode.is5xxServerError() ? "系统内部错误，请稍后重试" : "请求无效";
        }
        return ResponseEntity.status(statusCode).headers(headers).body(problem(statusCode, code, detail, field));
    }

    private static String fieldOf(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            List<JsonMappingException.Reference> path = mapping.getPath();
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference ref : path) {
                if (ref.getFieldName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            return field.toString();
        }
        return null;
    }
}
