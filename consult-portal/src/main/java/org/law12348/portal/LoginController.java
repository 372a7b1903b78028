package org.law12348.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff sign-in page (the form posts to Spring Security's login processing). */
@Controller
class LoginController {

    private static final int MAX_MINUTES = 24 * 60;

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /**
     * The sign-in page again, saying why: the application's login throttle forwards a refused sign-in
     * here (having set 429 and Retry-After), so the person learns how long to wait.
     */
    @RequestMapping("/login/throttled")
    String throttled(@RequestParam(required = false) Integer minutes, Model model) {
        int wait = minutes == null ? 1 : Math.max(1, Math.min(MAX_MINUTES, minutes));
        model.addAttribute("throttledMinutes", wait);
        return "login";
    }

    /**
     * The sign-in page again when the password could not be checked at all (the database is
     * unreachable): the application forwards such a sign-in here having set 503 and Retry-After.
     */
    @RequestMapping("/login/unavailable")
    String unavailable(Model model) {
        model.addAttribute("signInUnavailable", true);
        return "login";
    }
}
