package org.law12348.telephony.internal.ivr;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
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
 * Runs asterisk-java's FastAGI server for the application's lifetime. Its accept loop blocks, so it
 * gets its own thread; each call then runs on the server's pool ("AJ DaemonPool"), sized in config.
 */
public final class FastAgiServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final TelephonyProperties.FastAgi settings;
    private final Map<String, AgiScript> scripts;
    private volatile DefaultAgiServer server;
    private volatile Thread acceptor;

    public FastAgiServer(TelephonyProperties.FastAgi settings, Map<String, AgiScript> scripts) {
        this.settings = settings;
        // a HashMap, not Map.of: the strategy looks up null when a request names no script
        this.scripts = new HashMap<>(scripts);
    }

    @Override
    public void start() {
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(new HashMap<>(scripts));
        DefaultAgiServer agi = new DefaultAgiServer(mapping);
        agi.setPort(settings.port());
        agi.setPoolSize(settings.poolSize());
        agi.setMaximumPoolSize(settings.maxPoolSize());
        try {
            agi.setAddress(InetAddress.getByName(settings.bindAddress()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("law12348.telephony.fastagi.bind-address is not an address: "
                    + settings.bindAddress(), e);
        }
        server = agi;
        acceptor = new Thread(() -> {
            try {
                agi.startup();
            } catch (IOException | IllegalStateException e) {
                log.error("FastAGI server on port {} stopped: {}", settings.port(), e.toString());
            }
        }, "fastagi-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("FastAGI server listening on {}:{} with scripts {}", settings.bindAddress(), settings.port(),
                scripts.keySet());
    }

    @Override
    public void stop() {
        DefaultAgiServer agi = server;
        if (agi != null) {
            agi.shutdown();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
