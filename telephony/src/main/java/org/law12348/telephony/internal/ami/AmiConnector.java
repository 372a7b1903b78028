package org.law12348.telephony.internal.ami;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.law12348.telephony.TelephonyProperties.Ami;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Manager connection. The first login retries with exponential back-off (Asterisk may start
 * after us); once logged in, asterisk-java itself reconnects and logs in again after a drop, keeping
 * the listeners, and this supervisor steps in again whenever the connection ends up disconnected.
 */
public final class AmiConnector implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AmiConnector.class);
    private static final int AFTER_LOGIN_TRIES = 5;

    private final Ami settings;
    private final List<ManagerEventListener> listeners;
    private final List<Runnable> afterLogin = new CopyOnWriteArrayList<>();
    /** Set by every login (asterisk-java's ConnectEvent), the first and each one after a reconnect. */
    private final AtomicBoolean loggedIn = new AtomicBoolean();
    /** Touched by the supervisor thread only. */
    private int afterLoginFailures;
    private volatile ManagerConnection connection;
    private volatile CountDownLatch stopped;

    public AmiConnector(Ami settings, List<ManagerEventListener> listeners) {
        this.settings = settings;
        this.listeners = listeners;
    }

    /**
     * Runs {@code task} on the supervisor thread after every login, the first one and each one after
     * a reconnect, once the connection is up; a task that fails runs again at the next check.
     */
    public void afterEachLogin(Runnable task) {
        afterLogin.add(task);
    }

    @Override
    public void start() {
        ManagerConnection c = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
                settings.secret()).createManagerConnection();
        listeners.forEach(c::addEventListener);
        // fired inside asterisk-java's login, before it reports the connection up: only note it here
        c.addEventListener(event -> {
            if (event instanceof ConnectEvent) {
                loggedIn.set(true);
            }
        });
        connection = c;
        stopped = new CountDownLatch(1);
        Thread supervisor = new Thread(() -> supervise(c), "ami-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private void supervise(ManagerConnection c) {
        Duration backoff = settings.reconnectMin();
        while (stopped.getCount() > 0) {
            ManagerConnectionState state = c.getState();
            if (state == ManagerConnectionState.INITIAL || state == ManagerConnectionState.DISCONNECTED) {
                try {
                    c.login();
                    log.info("AMI logged in to {}:{} (Asterisk {})", settings.host(), settings.port(), c.getVersion());
                    backoff = settings.reconnectMin();
                } catch (Exception e) {
                    log.warn("AMI login to {}:{} failed ({}); next try in {}", settings.host(), settings.port(),
                            e.toString(), backoff);
                    if (await(backoff)) {
                        return;
                    }
                    Duration doubled = backoff.multipliedBy(2);
                    backoff = doubled.compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : doubled;
                    continue;
                }
            }
            if (c.getState() == ManagerConnectionState.CONNECTED && loggedIn.getAndSet(false)) {
                runAfterLogin();
            }
            if (await(settings.reconnectMin())) {
                return;
            }
        }
    }

    private void runAfterLogin() {
        for (Runnable task : afterLogin) {
            try {
                task.run();
                afterLoginFailures = 0;
            } catch (RuntimeException e) {
                boolean again = ++afterLoginFailures < AFTER_LOGIN_TRIES;
                loggedIn.compareAndSet(false, again);
                log.warn("After-login task failed ({}); {}", e.toString(),
                        again ? "trying again at the next check" : "giving up until the next login");
            }
        }
    }

    /** Waits for the given time or for stop; true when stopped. */
    private boolean await(Duration duration) {
        try {
            return stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    public boolean isConnected() {
        ManagerConnection c = connection;
        return c != null && c.getState() == ManagerConnectionState.CONNECTED;
    }

    /** Sends an action that answers with a list of events, and returns the events. */
    public ResponseEvents sendListing(EventGeneratingAction action) throws IOException, EventTimeoutException {
        ManagerConnection c = connection;
        if (c == null || c.getState() != ManagerConnectionState.CONNECTED) {
            throw new IOException("AMI is not connected");
        }
        return c.sendEventGeneratingAction(action, 10_000);
    }

    /** Sends an action on the live connection. */
    public ManagerResponse send(ManagerAction action) throws IOException, org.asteriskjava.manager.TimeoutException {
        ManagerConnection c = connection;
        if (c == null || c.getState() != ManagerConnectionState.CONNECTED) {
            throw new IOException("AMI is not connected");
        }
        return c.sendAction(action, 10_000);
    }

    @Override
    public void stop() {
        if (stopped != null) {
            stopped.countDown();
        }
        ManagerConnection c = connection;
        connection = null;
        if (c != null && c.getState() == ManagerConnectionState.CONNECTED) {
            try {
                c.logoff();
            } catch (IllegalStateException alreadyGone) {
                log.debug("AMI connection already closed");
            }
        }
    }

    @Override
    public boolean isRunning() {
        return connection != null;
    }
}
