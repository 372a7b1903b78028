package org.law12348.knowledge.estests;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.law12348.knowledge.evaluation.Elasticsearch7Clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner.newConfigs;

/**
 * A real Elasticsearch 7.10.2 node inside this JVM (HTTP on 127.0.0.1, port 9201 for the tests), with
 * the smartcn analysis the production mapping needs, and clients of the current Java API for it.
 */
final class TestElasticsearch {

    static final int HTTP_PORT = 9201;

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
                .clusterName("kb-es-tests")
                .disableESLogger()
                .pluginTypes(SmartcnAnalysisTestPlugin.class.getName()));
        runner.ensureYellow();
        return runner;
    }

    static ElasticsearchClient client() {
        return Elasticsearch7Clients.onLocalPort(HTTP_PORT);
    }
}
