package org.law12348.knowledge.web;

import org.law12348.knowledge.ArticleNotFoundException;
import org.law12348.knowledge.ArticleStateException;
import org.law12348.knowledge.SearchUnavailableException;
import org.law12348.ticketing.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * The knowledge base's own errors as problem details; ordered before {@link ApiProblems}, which
 * answers everything else (bad input, 403, malformed requests) the same way for every module.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class KnowledgeProblems {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeProblems.class);

    @ExceptionHandler(ArticleNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ArticleNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiProblems.problem(HttpStatus.NOT_FOUND, "article.notFound", "文章不存在或尚未发布", "id"));
    }

    @ExceptionHandler(ArticleStateException.class)
    ResponseEntity<ProblemDetail> conflict(ArticleStateException e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, "article.stateConflict",
                e.chineseMessage(), "status");
        problem.setProperty("status", e.status().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException e) {
        log.warn("Knowledge-base search unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "search.unavailable",
                        "知识库检索暂不可用，请稍后重试", null));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(ApiProblems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "file.tooLarge", "上传的文件过大", "file"));
    }
}
