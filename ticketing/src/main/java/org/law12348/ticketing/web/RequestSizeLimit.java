package org.law12348.ticketing.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses JSON API bodies over the limit with 413 before anything reads them, whether the client
 * declared the length or streams the body in chunks. Uploads have their own multipart limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_JSON_BYTES = 256 * 1024;

    private final ObjectMapper json;

    RequestSizeLimit(ObjectMapper json) {
        this.json = json;
    }

    /** Administrators' bulk imports (JSON Lines of thousands of articles) are meant to be large. */
    private static final java.util.Set<String> BULK_IMPORTS = java.util.Set.of("/api/v1/kb/import",
            "/api/v1/kb/statutes/import");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !request.getRequestURI().startsWith("/api/")
                || BULK_IMPORTS.contains(request.getRequestURI())
                || contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_JSON_BYTES) {
            reject(response);
            return;
        }
        try {
            chain.doFilter(new Limited(request), response);
        } catch (BodyTooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                reject(response);
            }
        }
    }

    private void reject(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ApiProblems.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "body.tooLarge", "请求体过大，上限为 " + MAX_JSON_BYTES / 1024 + " KB", "body"));
    }

    /** Thrown from the counting stream; unchecked so it passes through Jackson untouched. */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("Request body over " + MAX_JSON_BYTES + " bytes", null, false, false);
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++count > MAX_JSON_BYTES) {
                throw new BodyTooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0 && (count += n) > MAX_JSON_BYTES) {
                throw new BodyTooLarge();
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
