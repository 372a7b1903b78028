package org.law12348.knowledge.evaluation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.elasticsearch.client.RestClient;

/**
 * Clients of the current Java API that can talk to the in-JVM Elasticsearch 7.10.2 test node. The two
 * interceptors exist only for tests and the benchmark: a 7.x node does not know the 8.x client's
 * compatibility media type and does not send the product header the 8.x client checks; production
 * code talks to a current cluster without them.
 */
public final class Elasticsearch7Clients {

    private Elasticsearch7Clients() {
    }

    /** A client of the node listening for HTTP on 127.0.0.1:{@code port}. */
    public static ElasticsearchClient onLocalPort(int port) {
        RestClient rest = RestClient.builder(new HttpHost("127.0.0.1", port, "http"))
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
