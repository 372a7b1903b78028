package org.law12348.app;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.ServletException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed sign-ins per account and per client address (form login and HTTP Basic alike: both
 * end in the same authentication events, raised inside {@link #attempt}). Once either count reaches the limit within the window,
 * {@link LoginThrottleFilter} refuses further attempts before any password is checked.
 * A successful sign-in clears its account's count but never the address's: an attacker who owns one
 * account cannot reset the count of their guessing at others.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_KEY_LENGTH = 64;
    private static final ThreadLocal<String> ATTEMPT_FROM = new ThreadLocal<>();

    private final BucketStore accounts;
    private final BucketStore addresses;

    LoginThrottle(SecuritySettings settings, Clock clock) {
        SecuritySettings.Login login = settings.login();
        this.accounts = BucketStore.windowed(login.maxFailures(), login.window(), clock);
        this.addresses = BucketStore.windowed(login.maxFailures(), login.window(), clock);
    }

    /** How long the caller must wait before trying again, or empty if they may try now. */
    Optional<Duration> blocked(String username, String clientAddress) {
        Duration account = waitOf(accounts.existing(key(username)));
        Duration address = waitOf(addresses.existing(clientAddress));
        Duration longer = account.compareTo(address) >= 0 ? account : address;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    private static Duration waitOf(Bucket bucket) {
        if (bucket == null) {
            return Duration.ZERO;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        accounts.of(key(event.getAuthentication().getName())).tryConsume(1);
        String address = ATTEMPT_FROM.get();
        if (address != null) {
            addresses.of(address).tryConsume(1);
        }
        log.info("Failed sign-in from {}", address);
    }

    /**
     * Runs a sign-in attempt from {@code clientAddress}: the authentication events it raises are
     * published on this thread and learn the (proxy-resolved) address from here.
     */
    void attempt(String clientAddress, Attempt attempt) throws IOException, ServletException {
        ATTEMPT_FROM.set(clientAddress);
        try {
            attempt.run();
        } finally {
            ATTEMPT_FROM.remove();
        }
    }

    @FunctionalInterface
    interface Attempt {
        void run() throws IOException, ServletException;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.forget(key(event.getAuthentication().getName()));
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictForgiven() {
        accounts.evictFull();
        addresses.evictFull();
    }

    /** Names differing only in case or surrounding spaces count as one account; long names as their prefix. */
    private static String key(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > MAX_KEY_LENGTH ? name.substring(0, MAX_KEY_LENGTH) : name;
    }

}
