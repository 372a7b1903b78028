package org.law12348.ticketing.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request comes from, as the application resolved it before the request reached a
 * controller: behind a trusted reverse proxy the client's own, not the proxy's. Without that
 * resolution (a module's own tests) it is the TCP peer's.
 */
public final class ClientAddress {

    /** The request attribute the application's resolution writes. */
    public static final String ATTRIBUTE = ClientAddress.class.getName();

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String resolved ? resolved : request.getRemoteAddr();
    }
}
