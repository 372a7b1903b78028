package org.law12348.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A sign-in that could not be checked — the staff accounts could not be read, because the database is
 * unreachable — is an outage, not a wrong password: it answers 503 with Retry-After, never 401 or
 * "wrong user name or password", which would send staff to retype a correct password and count
 * nothing against them. Spring Security reports such a failure as an
 * {@link InternalAuthenticationServiceException} (whatever the cause, the provider could not decide).
 */
final class SignInUnavailable {

    /** Where the form sign-in is forwarded to show the sign-in page with the reason. */
    static final String PAGE = "/login/unavailable";
    /** Seconds, as the API answers any other request during a database outage. */
    static final String RETRY_AFTER = "5";

    private static final Logger log = LoggerFactory.getLogger(SignInUnavailable.class);

    private SignInUnavailable() {
    }

    /** HTTP Basic: a problem detail for an outage, {@code otherwise} for every other failure. */
    static AuthenticationEntryPoint unlessUnavailable(AuthenticationEntryPoint otherwise, ProblemResponses problems) {
        return (request, response, e) -> {
            if (isOutage(e)) {
                problems.serviceUnavailable(response, RETRY_AFTER);
            } else {
                otherwise.commence(request, response, e);
            }
        };
    }

    /** The sign-in form: the page again saying to try later for an outage, else back to {@code failureUrl}. */
    static AuthenticationFailureHandler formFailure(String failureUrl) {
        AuthenticationFailureHandler wrongCredentials = new SimpleUrlAuthenticationFailureHandler(failureUrl);
        return (request, response, e) -> {
            if (isOutage(e)) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setHeader("Retry-After", RETRY_AFTER);
                request.getRequestDispatcher(PAGE).forward(request, response);
            } else {
                wrongCredentials.onAuthenticationFailure(request, response, e);
            }
        };
    }

    private static boolean isOutage(AuthenticationException e) {
        if (e instanceof InternalAuthenticationServiceException) {
            log.warn("Sign-in could not be checked: {}", String.valueOf(e.getCause()));
            return true;
        }
        return false;
    }
}
