package org.law12348.miniapp.internal.web;

import org.law12348.miniapp.internal.ChannelProblem;
import org.law12348.miniapp.internal.consent.ConsentNotFoundException;
import org.law12348.miniapp.internal.session.SessionRejectedException;
import org.law12348.ticketing.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The mini-program API's own errors as problem details in the product's shape; ticketing's global
 * advice answers everything else (bad input 400, unknown ticket 404, state conflicts 409).
 */
@RestControllerAdvice(basePackageClasses = MiniappProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MiniappProblems {

    @ExceptionHandler(SessionRejectedException.class)
    ResponseEntity<ProblemDetail> unauthorized(SessionRejectedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"miniapp\"")
                .body(ApiProblems.problem(HttpStatus.UNAUTHORIZED, e.code(), e.chineseMessage(), "Authorization"));
    }

    @ExceptionHandler(ChannelProblem.class)
    ResponseEntity<ProblemDetail> channel(ChannelProblem e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "30");
        } else if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.body(ApiProblems.problem(e.status(), e.code(), e.chineseMessage(), e.field()));
    }

    @ExceptionHandler(ConsentNotFoundException.class)
    ResponseEntity<ProblemDetail> consentNotFound(ConsentNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblems.problem(HttpStatus.NOT_FOUND,
                "consent.notFound", "同意记录不存在或已撤回", "consentId"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiProblems.problem(
                HttpStatus.PAYLOAD_TOO_LARGE, "images.tooLarge", "上传的图片过大", "images"));
    }
}
