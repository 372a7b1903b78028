package org.law12348.app;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Per-client request rates on the endpoints anyone may call without signing in: the public intake,
 * the knowledge-base search and the mini-program sign-in. Paths are matched the way Spring MVC
 * matches them, so an encoded or otherwise disguised path cannot slip past its limit.
 */
@Component
class RateLimits {

    private record Rule(String name, RequestMatcher requests, BucketStore buckets) {
    }

    private final List<Rule> rules;

    RateLimits(SecuritySettings settings, Clock clock) {
        SecuritySettings.RateLimits limits = settings.rateLimits();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.rules = List.of(
                new Rule("intake", paths.matcher(HttpMethod.POST, "/api/v1/tickets"),
                        store(limits.intake(), clock)),
                new Rule("knowledge-search", new OrRequestMatcher(
                        paths.matcher(HttpMethod.GET, "/api/v1/kb/search"),
                        paths.matcher(HttpMethod.GET, "/api/v1/kb/suggest")), store(limits.knowledgeSearch(), clock)),
                new Rule("miniapp-sign-in", new OrRequestMatcher(
                        paths.matcher(HttpMethod.POST, "/api/v1/miniapp/*/sessions"),
                        paths.matcher(HttpMethod.POST, "/api/v1/miniapp/*/phone")), store(limits.miniappSignIn(), clock)));
    }

    private static BucketStore store(SecuritySettings.Limit limit, Clock clock) {
        return BucketStore.smooth(limit.requests(), limit.per(), clock);
    }

    /** Takes one request from the client's allowance; empty when allowed, else how long to wait. */
    Optional<Duration> take(HttpServletRequest request, String clientAddress) {
        for (Rule rule : rules) {
            if (rule.requests().matches(request)) {
                ConsumptionProbe probe = rule.buckets().of(clientAddress).tryConsumeAndReturnRemaining(1);
                return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
        return Optional.empty();
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictIdleClients() {
        rules.forEach(rule -> rule.buckets().evictFull());
    }
}
