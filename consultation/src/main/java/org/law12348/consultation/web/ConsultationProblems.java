package org.law12348.consultation.web;

import org.law12348.consultation.AnswerNotReusableException;
import org.law12348.consultation.CertificationException;
import org.law12348.consultation.ClaimConflictException;
import org.law12348.ticketing.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Consultation's own errors as RFC 7807 problems; ticketing's ApiProblems answers everything else. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsultationProblems {

    @ExceptionHandler(CertificationException.class)
    ResponseEntity<ProblemDetail> notCertified(CertificationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(ApiProblems.problem(HttpStatus.FORBIDDEN, "consultant.notAllowed", e.getMessage(), null));
    }

    @ExceptionHandler(AnswerNotReusableException.class)
    ResponseEntity<ProblemDetail> answerNotReusable(AnswerNotReusableException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApiProblems.problem(HttpStatus.CONFLICT, "answer.notReusable", e.getMessage(), null));
    }

    @ExceptionHandler(ClaimConflictException.class)
    ResponseEntity<ProblemDetail> claimedByOther(ClaimConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApiProblems.problem(HttpStatus.CONFLICT, "ticket.claimedByOther", e.getMessage(), null));
    }
}
