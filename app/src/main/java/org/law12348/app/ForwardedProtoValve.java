package org.law12348.app;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;

/**
 * Behind a reverse proxy that terminates TLS, requests reach Tomcat over plain HTTP and the proxy says
 * what the client used in {@code X-Forwarded-Proto}. Believed only from the configured trusted proxies
 * (as {@code X-Forwarded-For} is, {@link ClientAddresses}), {@code https} there marks the request
 * secure: Tomcat then sends the session cookie with {@code Secure}, and cookies, redirects and checks
 * further in see the scheme the citizen's browser used. Nothing else of the request is rewritten.
 */
class ForwardedProtoValve extends ValveBase {

    private final Set<String> trustedProxies;

    ForwardedProtoValve(Collection<String> trustedProxies) {
        super(true);
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.isSecure() || !trustedProxies.contains(request.getRemoteAddr())
                || !clientUsedHttps(request.getHeader("X-Forwarded-Proto"))) {
            getNext().invoke(request, response);
            return;
        }
        String scheme = request.getCoyoteRequest().scheme().toString();
        request.setSecure(true);
        request.getCoyoteRequest().scheme().setString("https");
        try {
            getNext().invoke(request, response);
        } finally {
            request.setSecure(false);
            request.getCoyoteRequest().scheme().setString(scheme);
        }
    }

    /** The first value is what the proxy facing the client wrote. */
    private static boolean clientUsedHttps(String forwardedProto) {
        if (forwardedProto == null) {
            return false;
        }
        int comma = forwardedProto.indexOf(',');
        String first = comma < 0 ? forwardedProto : forwardedProto.substring(0, comma);
        return "https".equalsIgnoreCase(first.strip());
    }
}
