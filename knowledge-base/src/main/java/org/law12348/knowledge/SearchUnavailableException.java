package org.law12348.knowledge;

/** The search backend cannot be reached or refused the request; the API answers 503. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
