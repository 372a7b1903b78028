package org.law12348.app;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.ServletException;
import org.law12348.consultation.UsernameTaken;
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
 * Limits account guessing (form login and HTTP Basic alike: both end in the same authentication
 * events, raised inside {@link #attempt}). Failed sign-ins are counted per account <em>and</em>
 * client address: an address that failed too often for an account waits before trying that account
 * again, while the account's owner, signing in from anywhere else, is not held up — so nobody can
 * lock another person out by failing on purpose. Each address also has one budget for all its
 * guesses, whatever the accounts: failed sign-ins and sign-ups refused for a taken username (which
 * tell as much as a failed sign-in). {@link LoginThrottleFilter} refuses an attempt over either limit
 * before any password is checked.
 * <p>
 * A successful sign-in clears the count of its account from that address, never the address's
 * budget: an attacker who owns one account cannot reset the count of their guessing at others.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_KEY_LENGTH = 64;
    private static final ThreadLocal<String> ATTEMPT_FROM = new ThreadLocal<>();

    private final BucketStore accountsFromAddresses;
    private final BucketStore addresses;

    LoginThrottle(SecuritySettings settings, Clock clock) {
        SecuritySettings.Login login = settings.login();
        this.accountsFromAddresses = BucketStore.windowed(login.maxFailures(), login.window(), clock);
        this.addresses = BucketStore.windowed(login.maxFailuresPerAddress(), login.window(), clock);
    }

    /** How long a sign-in at {@code username} from {@code clientAddress} must wait, or empty if it may go ahead. */
    Optional<Duration> blocked(String username, String clientAddress) {
        Duration pair = waitOf(accountsFromAddresses.existing(key(username, clientAddress)));
        return longer(pair, waitOf(addresses.existing(clientAddress)));
    }

    /** How long {@code clientAddress} must wait before its next account guess (a sign-up), or empty. */
    Optional<Duration> blocked(String clientAddress) {
        return longer(Duration.ZERO, waitOf(addresses.existing(clientAddress)));
    }

    private static Optional<Duration> longer(Duration one, Duration other) {
        Duration longer = one.compareTo(other) >= 0 ? one : other;
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
        String address = ATTEMPT_FROM.get();
        if (address != null) {
            accountsFromAddresses.of(key(event.getAuthentication().getName(), address)).tryConsume(1);
            addresses.of(address).tryConsume(1);
        }
        log.info("Failed sign-in from {}", address);
    }

    @EventListener
    void usernameTaken(UsernameTaken event) {
        String address = ATTEMPT_FROM.get();
        if (address != null) {
            addresses.of(address).tryConsume(1);
        }
        log.info("Sign-up for a taken username from {}", address);
    }

    /**
     * Runs a sign-in or sign-up attempt from {@code clientAddress}: the events it raises are
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
        String address = ATTEMPT_FROM.get();
        if (address != null) {
            accountsFromAddresses.forget(key(event.getAuthentication().getName(), address));
        }
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictForgiven() {
        accountsFromAddresses.evictFull();
        addresses.evictFull();
    }

    /**
     * One account from one address. Names differing only in case or surrounding spaces count as one
     * account; long names as their prefix.
     */
    private static String key(String username, String clientAddress) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return (name.length() > MAX_KEY_LENGTH ? name.substring(0, MAX_KEY_LENGTH) : name) + " " + clientAddress;
    }
}
