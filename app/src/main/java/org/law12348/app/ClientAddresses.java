package org.law12348.app;

import jakarta.servlet.http.HttpServletRequest;
import org.law12348.ticketing.web.ClientAddress;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The address a request comes from, for per-client limits. {@code X-Forwarded-For} is anyone's to
 * write, so it is read only when the TCP peer is a configured trusted proxy, and then from the right:
 * the first hop that is not itself a trusted proxy is the client.
 */
@Component
class ClientAddresses {

    private static final int MAX_HOPS = 20;
    private final Set<String> trustedProxies;

    ClientAddresses(SecuritySettings settings) {
        this.trustedProxies = Set.copyOf(settings.trustedProxies());
    }

    /** The client's address, also recorded on the request for the modules ({@link ClientAddress#of}). */
    String of(HttpServletRequest request) {
        if (request.getAttribute(ClientAddress.ATTRIBUTE) instanceof String resolved) {
            return resolved;
        }
        String client = resolve(request);
        request.setAttribute(ClientAddress.ATTRIBUTE, client);
        return client;
    }

    private String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!trustedProxies.contains(peer) || forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= Math.max(0, hops.length - MAX_HOPS); i--) {
            String hop = hops[i].strip();
            if (!plausible(hop)) {
                return client;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** An IPv4 or IPv6 literal's characters only: a forged header must not create arbitrary keys. */
    private static boolean plausible(String hop) {
        return !hop.isEmpty() && hop.length() <= 45 && hop.chars().allMatch(c -> Character.digit(c, 16) >= 0
                || c == '.' || c == ':');
    }
}
