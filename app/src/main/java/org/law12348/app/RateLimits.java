package org.law12348.app;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one limiter in front of everything anyone may call without signing in as staff. Every request
 * falls under at most one per-client rule (the first that matches: intake, knowledge search,
 * mini-program sign-in, registration, then every other public write), counted per client address
 * whatever comes of it. Writes on one ticket also fall under the per-ticket rule: what the ticket's
 * holder files there, counted only when the endpoint accepted it.
 *
 * <p>The per-ticket count is keyed by the ticket and the credential presented (tracking token or
 * mini-program session), so a stranger who knows a ticket number neither uses up its holder's
 * allowance (their requests are refused and never counted) nor learns from a 429 that the ticket
 * exists; the holder cannot escape it, since a ticket has one tracking token.
 *
 * <p>Paths are matched the way Spring MVC matches them, so an encoded or otherwise disguised path
 * cannot slip past its limit.
 */
@Component
class RateLimits {

    private static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final int MAX_TICKET_NUMBER = 40;

    private record Rule(String name, RequestMatcher requests, BucketStore buckets) {
    }

    /**
     * What the limiter decided. When {@link #refusedFor} is empty the request may go ahead, and
     * {@link #accepted} is to be called once the endpoint has accepted it.
     */
    record Admission(Optional<Duration> refusedFor, List<Runnable> onAcceptance) {
        void accepted() {
            onAcceptance.forEach(Runnable::run);
        }
    }

    private final List<Rule> perClient;
    private final Rule perTicket;

    RateLimits(SecuritySettings settings, Clock clock) {
        SecuritySettings.RateLimits limits = settings.rateLimits();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.perClient = List.of(
                new Rule("intake", new OrRequestMatcher(
                        paths.matcher(HttpMethod.POST, "/api/v1/tickets"),
                        paths.matcher(HttpMethod.POST, "/api/v1/miniapp/questions"),
                        paths.matcher(HttpMethod.POST, "/api/v1/miniapp/service-requests")), store(limits.intake(), clock)),
                new Rule("knowledge-search", new OrRequestMatcher(
                        paths.matcher(HttpMethod.GET, "/api/v1/kb/search"),
                        paths.matcher(HttpMethod.GET, "/api/v1/kb/suggest"),
                        // asked while the citizen types, like the search beside it
                        paths.matcher(HttpMethod.POST, "/api/v1/clock-question")), store(limits.knowledgeSearch(), clock)),
                new Rule("miniapp-sign-in", new OrRequestMatcher(
                        paths.matcher(HttpMethod.POST, "/api/v1/miniapp/*/sessions"),
                        paths.matcher(HttpMethod.POST, "/api/v1/miniapp/*/phone")), store(limits.miniappSignIn(), clock)),
                // a sign-up uploads its licence photos first: each upload stores a file, so it counts too
                new Rule("registration", new OrRequestMatcher(
                        paths.matcher(HttpMethod.POST, "/api/v1/consultant-registrations"),
                        paths.matcher(HttpMethod.POST, "/api/v1/consultant-registrations/documents")),
                        store(limits.registration(), clock)),
                // the workspace's sign-in also guesses credentials: the sign-in throttle holds up
                // failures per account, this the sheer number of tries per address
                new Rule("public-writes", writes(paths, "/api/v1/tickets/{number}/**", "/api/v1/miniapp/**", "/api/v1/citizen/**", "/api/v1/kb/deflections", "/api/v1/session"),
                        store(limits.publicWrites(), clock)));
        this.perTicket = new Rule("per-ticket", writes(paths, "/api/v1/tickets/{number}/**",
                "/api/v1/miniapp/tickets/{number}/**"), store(limits.perTicket(), clock));
    }

    private static RequestMatcher writes(PathPatternRequestMatcher.Builder paths, String... patterns) {
        return new OrRequestMatcher(Stream.of(patterns)
                .flatMap(pattern -> WRITES.stream().map(method -> (RequestMatcher) paths.matcher(method, pattern)))
                .toList());
    }

    private static BucketStore store(SecuritySettings.Limit limit, Clock clock) {
        return BucketStore.smooth(limit.requests(), limit.per(), clock);
    }

    /** True when some per-client rule counts this request (every public write must be). */
    boolean limits(HttpServletRequest request) {
        return perClient.stream().anyMatch(rule -> rule.requests().matches(request));
    }

    /** Takes one request from the client's allowance and checks the ticket's; refused with how long to wait. */
    Admission admit(HttpServletRequest request, String clientAddress) {
        Optional<Rule> client = perClient.stream().filter(rule -> rule.requests().matches(request)).findFirst();
        Bucket taken = null;
        if (client.isPresent()) {
            taken = client.get().buckets().of(clientAddress);
            ConsumptionProbe probe = taken.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                return new Admission(Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill())), List.of());
            }
        }
        RequestMatcher.MatchResult onTicket = perTicket.requests().matcher(request);
        if (!onTicket.isMatch()) {
            return new Admission(Optional.empty(), List.of());
        }
        String key = ticketKey(onTicket.getVariables().get("number"), request);
        Bucket existing = perTicket.buckets().existing(key);
        EstimationProbe probe = existing == null ? null : existing.estimateAbilityToConsume(1);
        if (probe != null && !probe.canBeConsumed()) {
            if (taken != null) {
                taken.addTokens(1); // refused for the ticket's sake: the client's own allowance is not spent
            }
            return new Admission(Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill())), List.of());
        }
        List<Runnable> charge = new ArrayList<>(1);
        // may go below zero when the holder sends several at once: the debt delays their next request
        charge.add(() -> perTicket.buckets().of(key).consumeIgnoringRateLimits(1));
        return new Admission(Optional.empty(), charge);
    }

    /**
     * The ticket (as the path names it, case aside) and a digest of the credential presented for it:
     * the tracking token header or the mini-program session.
     */
    private static String ticketKey(String number, HttpServletRequest request) {
        String ticket = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (ticket.length() > MAX_TICKET_NUMBER) {
            ticket = ticket.substring(0, MAX_TICKET_NUMBER);
        }
        String credential = request.getHeader("X-Tracking-Token");
        if (credential == null) {
            credential = request.getHeader("Authorization");
        }
        return ticket + "|" + digest(credential == null ? "" : credential.strip());
    }

    private static String digest(String credential) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictIdleClients() {
        perClient.forEach(rule -> rule.buckets().evictFull());
        perTicket.buckets().evictFull();
    }
}
