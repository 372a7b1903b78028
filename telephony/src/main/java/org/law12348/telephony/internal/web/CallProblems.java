package org.law12348.telephony.internal.web;

import org.law12348.ticketing.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Telephony's own errors as RFC 7807 problems; ticketing's ApiProblems answers everything else. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallProblems {

    @ExceptionHandler(CallNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CallNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiProblems.problem(HttpStatus.NOT_FOUND, "call.notFound", "通话记录不存在", "callId"));
    }
}
