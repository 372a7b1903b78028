package org.law12348.portal.citizen;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import java.time.Duration;

/**
 * Carries a citizen's tracking token to their ticket page instead of the URL, where browser history,
 * server logs and referrers would keep it: a short-lived, HttpOnly cookie scoped to the one ticket's
 * page, Secure when the request came over TLS. Forms on the page still post the token in their body.
 */
final class TrackingCookie {

    static final String NAME = "law12348_tracking";
    static final Duration LIFETIME = Duration.ofHours(1);

    private TrackingCookie() {
    }

    static void give(HttpServletRequest request, HttpServletResponse response, String number, String token) {
        ResponseCookie cookie = ResponseCookie.from(NAME, token)
                .path(request.getContextPath() + "/track/" + number)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .maxAge(LIFETIME)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    static String read(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /**
     * The token a form posted in its body; one in the query string does not count (a link or a
     * bookmark carrying it must not work).
     */
    static String fromBody(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && (query.startsWith("token=") || query.contains("&token="))) {
            return null;
        }
        return request.getParameter("token");
    }
}
