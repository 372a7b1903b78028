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

    @ExceptionHandler(RecordingController.RecordingNotFoundException.class)
    ResponseEntity<ProblemDetail> noRecording(RecordingController.RecordingNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiProblems.problem(HttpStatus.NOT_FOUND, "recording.notFound", "该通话没有可收听的录音", "callId"));
    }

    /** RFC 9110: a 416 names the file's length in Content-Range so the player can ask again. */
    @ExceptionHandler(RecordingController.RangeNotSatisfiableException.class)
    ResponseEntity<ProblemDetail> badRange(RecordingController.RangeNotSatisfiableException e) {
        return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                .header(org.springframework.http.HttpHeaders.CONTENT_RANGE, "bytes */" + e.length)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.problem(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range.notSatisfiable",
                        "请求的录音范围无效", "Range"));
    }
}
