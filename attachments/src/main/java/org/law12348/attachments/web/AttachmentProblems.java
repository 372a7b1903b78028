package org.law12348.attachments.web;

import org.law12348.attachments.AttachmentNotFoundException;
import org.law12348.attachments.AttachmentRefusedException;
import org.law12348.ticketing.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Refused uploads as problem details naming the field {@code file}: 413 too large, 415 a type not taken
 * or not the one the name says, 409 the ticket holds as many as it may, 400 unreadable. Ordered before
 * {@link ApiProblems}, which answers everything else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 110)
class AttachmentProblems {

    @ExceptionHandler(AttachmentRefusedException.class)
    ResponseEntity<ProblemDetail> refused(AttachmentRefusedException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case WRONG_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY -> HttpStatus.CONFLICT;
            case UNREADABLE -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(ApiProblems.problem(status, e.code(), e.chineseMessage(), e.field()));
    }

    @ExceptionHandler(AttachmentNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AttachmentNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblems.problem(HttpStatus.NOT_FOUND,
                "attachment.notFound", "该工单没有这个附件或无权查看", "attachmentId"));
    }

    /** The request was not a readable multipart upload, or named no {@code file} part. */
    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> notAnUpload(Exception e) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiProblems.problem(
                    HttpStatus.PAYLOAD_TOO_LARGE, "file.tooLarge", "上传的文件过大", "file"));
        }
        return ResponseEntity.badRequest().body(ApiProblems.problem(HttpStatus.BAD_REQUEST, "field.required",
                "请以 multipart/form-data 上传文件（字段 file）", "file"));
    }
}
