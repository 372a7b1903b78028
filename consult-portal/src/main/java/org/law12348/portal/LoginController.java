package org.law12348.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page (the form posts to Spring Security's login processing). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
