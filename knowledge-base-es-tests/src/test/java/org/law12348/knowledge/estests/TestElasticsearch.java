package org.law12348.knowledge.estests;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.law12348.knowledge.evaluation.Elasticsearch7Clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner.newConfigs;

/**
 * A real Elasticsearch 7.10.2 node inside this JVM (HTTP on 127.0.0.1, a free port), with the smartcn
 * analysis the production mapping needs, and clients of the current Java API for it.
 * <p>
 * Each node gets a cluster of its own: nodes of the same cluster name on one machine (two builds at
 * once) find each other on the transport ports and join, and when one build ends the other's cluster
 * loses its master, so every request of the survivor waits without end.
 */
final class TestElasticsearch {

    static final int HTTP_PORT = freePort();

    private TestElasticsearch() {
    }

    static ElasticsearchClusterRunner start() throws IOException {
        return start(HTTP_PORT);
    }

    /** Starts a one-node cluster answering HTTP on 127.0.0.1:{@code httpPort}; waits until it is yellow. */
    static ElasticsearchClusterRunner start(int httpPort) throws IOException {
        Path base = Files.createTempDirectory("kb-es-node");
        ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
        // the runner only probes ports up to 9299 by default; the bench asks for a free ephemeral one
        runner.setMaxHttpPort(Math.max(httpPort, 9299));
        runner.onBuild((number, settings) -> {
            settings.put("http.port", httpPort);
            settings.put("network.host", "127.0.0.1");
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        }).build(newConfigs()
                .basePath(base.toString())
                .numOfNode(1)
                .baseHttpPort(httpPort - 1)
                .clusterName("kb-es-tests-" + UUID.randomUUID())
                .disableESLogger()
                .pluginTypes(SmartcnAnalysisTestPlugin.class.getName()));
        runner.ensureYellow();
        return runner;
    }

    static ElasticsearchClient client() {
        return Elasticsearch7Clients.onLocalPort(HTTP_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
