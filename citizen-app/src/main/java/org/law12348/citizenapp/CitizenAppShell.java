package org.law12348.citizenapp;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Serves the citizen app's web build (uni-app h5, built into {@code static/m/}) at {@code /m/}. The app
 * routes in the URL's fragment ({@code /m/#/pages/...}): the server only ever serves this one page, and a
 * tracking token in a link's fragment never reaches a server log or a Referer header.
 * <p>
 * The app is the citizens' web portal: the site's front page opens it, and the addresses of the
 * server-rendered portal it replaced ({@code /track}, {@code /track/{number}}, kept in bookmarks and
 * old messages) open its look-up page, where the number and the token, or a texted code, open the
 * consultation. Those links never carried the token, so nothing is lost on the way.
 */
@Controller
class CitizenAppShell {

    static final String BASE = "/m/";
    private static final Resource INDEX = new ClassPathResource("static/m/index.html");

    static final String LOOK_UP = BASE + "#/pages/tickets/index";

    @GetMapping("/m")
    ResponseEntity<Void> base() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(BASE)).build();
    }

    /** The site's front page: the app today, and free to become something else later (so not permanent). */
    @GetMapping("/")
    ResponseEntity<Void> frontPage() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(BASE)).build();
    }

    @GetMapping({"/track", "/track/{number}"})
    ResponseEntity<Void> oldTrackingPage() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(LOOK_UP)).build();
    }

    @GetMapping(BASE)
    ResponseEntity<?> page() {
        if (!INDEX.exists()) {
            // only a build that skipped Node (-Dcitizen-app.skip=true) lacks it
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body("网上服务页面未构建（本次构建跳过了市民端），请拨打12348。");
        }
        // never cached: it names the current build's hashed files
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(INDEX);
    }
}
