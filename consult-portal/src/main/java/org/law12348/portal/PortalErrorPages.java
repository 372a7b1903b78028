package org.law12348.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketStateException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors of the server-rendered pages as Chinese pages with the right status, ahead of the JSON API's
 * problem details, which stay the answer of the portal's JSON controllers ({@code staff}, {@code workspace})
 * and of everything else.
 */
@ControllerAdvice(basePackages = {"org.law12348.portal.console",
        "org.law12348.portal.consultant", "org.law12348.portal.admin"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrorPages {


    @ExceptionHandler(TicketNotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "error/404";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "error/403";
    }

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        return e.getStatusCode().value() == 404 ? "error/404" : e.getStatusCode().value() == 403 ? "error/403" : "error";
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.violations().get(0).message());
        return "error";
    }

    @ExceptionHandler(TicketStateException.class)
    String conflict(TicketStateException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("message", e.chineseMessage());
        return "error";
    }
}
