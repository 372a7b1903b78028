package org.law12348.portal.console;

import jakarta.servlet.http.HttpServletResponse;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.TicketNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Console pages answer errors with Chinese pages, not the JSON problems of the API (whose advice
 * would otherwise take these controllers too). Runs before it for the console's controllers only.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(TicketNotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("message", "工单不存在，或不属于你所在的承办单位。");
        return "console/error";
    }

    /** Bad input outside the forms' own handling (e.g. an export link edited by hand). */
    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.violations().get(0).message());
        return "console/error";
    }
}
