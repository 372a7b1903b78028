package org.law12348.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Abuse protection of the application ({@code law12348.security.*}). The defaults are generous so
 * that normal use is never throttled; a deployment tightens them, tests set low limits of their own.
 * Buckets live in memory, per node: behind a load balancer each node counts on its own.
 *
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed; empty
 *                       (the default) means the client address is always the TCP peer's
 * @param login          failed sign-ins tolerated per account and client address, and per client address
 * @param rateLimits     request rates per client address on the public, unauthenticated endpoints
 */
@ConfigurationProperties("law12348.security")
public record SecuritySettings(List<String> trustedProxies, Login login, RateLimits rateLimits) {

    public SecuritySettings {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        login = login == null ? new Login(null, null, null) : login;
        rateLimits = rateLimits == null ? new RateLimits(null, null, null, null, null, null) : rateLimits;
    }

    /**
     * @param maxFailures           failed sign-ins for one account from one client address within
     *                              {@code window}, after which that address's attempts at that account
     *                              answer 429 (the owner signing in from elsewhere is not held up)
     * @param window                the period the failures are counted in
     * @param maxFailuresPerAddress account guesses from one client address within {@code window}, whatever
     *                              the accounts: failed sign-ins and registrations refused for a taken
     *                              username; then its sign-ins and registrations answer 429
     */
    public record Login(Integer maxFailures, Duration window, Integer maxFailuresPerAddress) {
        public Login {
            maxFailures = maxFailures == null ? 5 : maxFailures;
            window = window == null ? Duration.ofMinutes(15) : window;
            maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : maxFailuresPerAddress;
            Limit.check(maxFailures, window, "login");
            Limit.check(maxFailuresPerAddress, window, "login per address");
        }
    }

    /**
     * Per client address unless said otherwise; every public write falls under at least one of them
     * ({@code PublicWritesAreLimitedTest}).
     *
     * @param intake          new tickets from every online door: POST /api/v1/tickets, the portal's ask
     *                        form and the mini-program's questions and service requests
     * @param knowledgeSearch GET /api/v1/kb/search and /api/v1/kb/suggest (search-as-you-type included), and the
     *                        ask form's POST /api/v1/clock-question asked as the citizen types
     * @param miniappSignIn   the mini-program sign-in and phone-binding endpoints
     * @param registration    consultant sign-ups (each costs a password hash and makes an account)
     * @param publicWrites    every other write anyone may send without signing in as staff: what a
     *                        citizen does on a ticket (JSON API, portal forms, mini-program), erasure
     *                        requests, "this solved my problem", mini-program notice subscriptions
     * @param perTicket       what one holder of a ticket's tracking token (or mini-program session)
     *                        files on that ticket — follow-ups, acceptance, rating, erasure requests —
     *                        whichever door and address they come from; only accepted requests count
     */
    public record RateLimits(Limit intake, Limit knowledgeSearch, Limit miniappSignIn, Limit registration,
                             Limit publicWrites, Limit perTicket) {
        public RateLimits {
            intake = intake == null ? new Limit(600, Duration.ofMinutes(1)) : intake;
            knowledgeSearch = knowledgeSearch == null ? new Limit(1200, Duration.ofMinutes(1)) : knowledgeSearch;
            miniappSignIn = miniappSignIn == null ? new Limit(120, Duration.ofMinutes(1)) : miniappSignIn;
            registration = registration == null ? new Limit(20, Duration.ofHours(1)) : registration;
            publicWrites = publicWrites == null ? new Limit(300, Duration.ofMinutes(1)) : publicWrites;
            perTicket = perTicket == null ? new Limit(20, Duration.ofHours(1)) : perTicket;
        }
    }

    /** At most {@code requests} per {@code per}, refilled smoothly. */
    public record Limit(int requests, Duration per) {
        public Limit {
            check(requests, per, "rate limit");
        }

        static void check(int count, Duration period, String what) {
            if (count < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(what + " needs a positive count and period, got " + count
                        + " per " + period);
            }
        }
    }
}
