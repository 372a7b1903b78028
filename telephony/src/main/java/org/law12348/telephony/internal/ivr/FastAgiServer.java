package org.law12348.telephony.internal.ivr;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.asteriskjava.util.internal.ServerSocketFacadeImpl;
import org.law12348.telephony.TelephonyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs asterisk-java's FastAGI server for the application's lifetime. The port is bound here, at
 * start, so a port that cannot be bound is known at once ({@link #failure}, reported DOWN by the
 * health indicator) instead of vanishing in a background thread. Only the configured PBX addresses
 * ({@code allowed-peers}) get a session: other connections are closed before a line is read, and
 * logged with the address masked. The accept loop blocks, so it gets its own thread; each call then
 * runs on the server's pool ("AJ DaemonPool"), sized in config.
 */
public final class FastAgiServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);
    private static final int BACKLOG = 200;

    private final TelephonyProperties.FastAgi settings;
    private final Map<String, AgiScript> scripts;
    private final PeerAllowList allowed;
    private volatile DefaultAgiServer server;
    private volatile String failure;

    public FastAgiServer(TelephonyProperties.FastAgi settings, Map<String, AgiScript> scripts) {
        this.settings = settings;
        // a HashMap, not Map.of: the strategy looks up null when a request names no script
        this.scripts = new HashMap<>(scripts);
        this.allowed = new PeerAllowList(settings.allowedPeers());
    }

    @Override
    public void start() {
        ServerSocketFacade socket;
        try {
            socket = new ServerSocketFacadeImpl(settings.port(), BACKLOG, address());
        } catch (IOException e) {
            failure = "cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": " + e.getMessage();
            log.error("FastAGI server not started, calls cannot reach the IVR: {}", failure);
            return;
        }
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(new HashMap<>(scripts));
        ServerSocketFacade guarded = new AllowListedSocket(socket);
        DefaultAgiServer agi = new DefaultAgiServer(mapping) {
            @Override
            protected ServerSocketFacade createServerSocket() {
                return guarded;
            }
        };
        agi.setPort(settings.port());
        agi.setPoolSize(settings.poolSize());
        agi.setMaximumPoolSize(settings.maxPoolSize());
        server = agi;
        failure = null;
        Thread acceptor = new Thread(() -> {
            try {
                agi.startup();
            } catch (IOException | IllegalStateException e) {
                if (server != null) {
                    failure = "stopped: " + e;
                    log.error("FastAGI server on port {} stopped: {}", settings.port(), e.toString());
                }
            }
        }, "fastagi-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("FastAGI server listening on {}:{} with scripts {}, for PBX addresses {}", settings.bindAddress(),
                settings.port(), scripts.keySet(), settings.allowedPeers());
    }

    private InetAddress address() throws UnknownHostException {
        if (!settings.bindAddress().matches("[0-9A-Fa-f:.]+")) {
            throw new UnknownHostException("law12348.telephony.fastagi.bind-address must be an IP address, not \""
                    + settings.bindAddress() + "\"");
        }
        return InetAddress.getByName(settings.bindAddress());
    }

    /** Why the server does not take calls, or null while it listens. */
    public String failure() {
        DefaultAgiServer agi = server;
        String why = failure;
        return why != null || agi != null ? why : "not started";
    }

    public TelephonyProperties.FastAgi settings() {
        return settings;
    }

    @Override
    public void stop() {
        DefaultAgiServer agi = server;
        if (agi != null) {
            server = null;
            agi.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The bound socket, handing asterisk-java only connections from allowed PBX addresses. */
    private final class AllowListedSocket implements ServerSocketFacade {

        private final ServerSocketFacade socket;

        AllowListedSocket(ServerSocketFacade socket) {
            this.socket = socket;
        }

        @Override
        public SocketConnectionFacade accept() throws IOException {
            while (true) {
                SocketConnectionFacade connection = socket.accept();
                InetAddress peer = connection.getRemoteAddress();
                if (peer != null && allowed.allows(peer)) {
                    return connection;
                }
                log.warn("Refused a FastAGI connection from {}: not in law12348.telephony.fastagi.allowed-peers",
                        peer == null ? "(unknown)" : PeerAllowList.masked(peer));
                connection.close();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        public void setSocketReadTimeout(int timeout) {
            socket.setSocketReadTimeout(timeout);
        }
    }
}
