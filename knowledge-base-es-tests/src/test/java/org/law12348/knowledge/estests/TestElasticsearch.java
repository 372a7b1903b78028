package org.law12348.knowledge.estests;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner.newConfigs;

/**
 * A real Elasticsearch 7.10.2 node inside the test JVM (HTTP on 127.0.0.1:9201), and clients of
 * the current Java API that can talk to it. The two interceptors exist only here: a 7.x node does
 * not know the 8.x client's compatibility media type and does not send the product header the 8.x
 * client checks; production code talks to a current cluster without them.
 */
final class TestElasticsearch {

    static final int HTTP_PORT = 9201;

    private TestElasticsearch() {
    }

    static ElasticsearchClusterRunner start() throws IOException {
        Path base = Files.createTempDirectory("kb-es-node");
        ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
        runner.onBuild((number, settings) -> {
            settings.put("http.port", HTTP_PORT);
            settings.put("network.host", "127.0.0.1");
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        }).build(newConfigs()
                .basePath(base.toString())
                .numOfNode(1)
                .baseHttpPort(HTTP_PORT - 1)
                .clusterName("kb-es-tests")
                .disableESLogger()
                .pluginTypes(SmartcnAnalysisTestPlugin.class.getName()));
        runner.ensureYellow();
        return runner;
    }

    static ElasticsearchClient client() {
        RestClient rest = RestClient.builder(new HttpHost("127.0.0.1", HTTP_PORT, "http"))
                .setHttpClientConfigCallback(http -> http
                        .addInterceptorLast((HttpRequestInterceptor) (request, context) -> {
                            for (String name : new String[] {HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE}) {
                                if (request.containsHeader(name)) {
                                    request.setHeader(name, "application/json");
                                }
                            }
                        })
                        .addInterceptorLast((HttpResponseInterceptor) (response, context) ->
                                response.setHeader("X-Elastic-Product", "Elasticsearch")))
                .build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }
}
