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

    @ExceptionHandler(DeskNotFoundException.class)
    ResponseEntity<ProblemDetail> noDesk(DeskNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(e.own
                ? ApiProblems.problem(HttpStatus.NOT_FOUND, "desk.notFound", "你还没有热线坐席，请联系系统管理员设置坐席分机和队列", null)
                : ApiProblems.problem(HttpStatus.NOT_FOUND, "desk.notFound", "该工作人员没有热线坐席", "username"));
    }

    @ExceptionHandler(DeskPbxDownException.class)
    ResponseEntity<ProblemDetail> pbxDown(DeskPbxDownException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiProblems.problem(HttpStatus.CONFLICT,
                "desk.pbxDown", "该工作人员正在队列中，而呼叫中心交换机未连接，暂时不能清除坐席；请在交换机恢复连接后重试",
                "username"));
    }

    @ExceptionHandler(ServiceClosedException.class)
    ResponseEntity<ProblemDetail> closed(ServiceClosedException e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, "callback.outsideServiceHours",
                "现在不在热线服务时间内，不能立即拨打；可以预约回拨，将在" + e.nextOpeningText() + "自动拨打", null);
        problem.setProperty("nextOpening", e.nextOpening());
        problem.setProperty("canBookCallback", true);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
