package org.law12348.portal.workspace;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.net.URI;

/**
 * Serves the staff workspace, a single-page application built from {@code consult-portal/frontend}
 * into {@code static/workspace/}. Its own routes ({@code /workspace/queue}, {@code /workspace/tickets/…})
 * are the browser's history, not files: every path under the base whose last part has no dot answers
 * the application's {@code index.html}, so a deep link or a reload opens the right page. The hashed
 * scripts and styles are ordinary static resources ({@link WorkspaceResources}).
 */
@Controller
class WorkspaceShell {

    static final String BASE = "/workspace/";
    private static final Resource INDEX = new ClassPathResource("static/workspace/index.html");

    @GetMapping("/workspace")
    ResponseEntity<Void> base() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(BASE)).build();
    }

    // up to three levels (tickets/{number} is two); a last segment with a dot is a file, left to the resources
    @GetMapping({"/workspace/", "/workspace/{a:[^.]*}", "/workspace/{a:[^.]*}/{b:[^.]*}",
            "/workspace/{a:[^.]*}/{b:[^.]*}/{c:[^.]*}"})
    ResponseEntity<?> page() {
        if (!INDEX.exists()) {
            // only a build that skipped the frontend (-Dfrontend.skip=true) lacks it
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain",
                    java.nio.charset.StandardCharsets.UTF_8)).body("工作台前端未构建（本次构建跳过了前端）。");
        }
        // never cached: it names the current build's hashed files
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(INDEX);
    }
}
