package org.law12348.miniapp.internal.wechat;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.SocketConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

import java.io.IOException;
import java.time.Duration;

/**
 * The HTTP client WxJava sends this module's calls with, built with the configured timeouts.
 * WxJava's default is a JVM-wide singleton whose first build wins, so its timeouts cannot be set per
 * application. WxJava's requests carry no timeouts of their own unless a proxy is configured, which
 * this module never does, so these govern every call: connecting (TLS handshake included, through the
 * socket's timeout), waiting for a pooled connection, and each read of the answer. No automatic
 * retries: a call that timed out is not repeated behind the caller's back, whose own attempt count
 * is the bound, and a POST is never sent twice.
 */
final class WechatHttpClient implements ApacheHttpClientBuilder {

    private static final int MAX_CONNECTIONS = 50;
    private static final int MAX_PER_ROUTE = 10;

    private final int connectMillis;
    private final int readMillis;
    private CloseableHttpClient client;

    WechatHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.connectMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    public synchronized CloseableHttpClient build() {
        if (client == null) {
            PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
            connections.setMaxTotal(MAX_CONNECTIONS);
            connections.setDefaultMaxPerRoute(MAX_PER_ROUTE);
            connections.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(readMillis).build());
            client = HttpClients.custom()
                    .setConnectionManager(connections)
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setConnectTimeout(connectMillis)
                            .setConnectionRequestTimeout(connectMillis)
                            .setSocketTimeout(readMillis)
                            .build())
                    .disableAutomaticRetries()
                    .build();
        }
        return client;
    }

    synchronized void close() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    // WxJava hands over the proxy settings of its config; this module configures none.

    @Override
    public ApacheHttpClientBuilder httpProxyHost(String host) {
        if (host != null) {
            throw new UnsupportedOperationException("WeChat calls through an HTTP proxy are not supported");
        }
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int port) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String username) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String password) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
        throw new UnsupportedOperationException("WeChat calls are never retried by the HTTP client");
    }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
        throw new UnsupportedOperationException("the WeChat client keeps the default keep-alive strategy");
    }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
        throw new UnsupportedOperationException("the WeChat client keeps the JVM's TLS settings");
    }

    @Override
    public ApacheHttpClientBuilder supportedProtocols(String[] protocols) {
        throw new UnsupportedOperationException("the WeChat client keeps the JVM's TLS settings");
    }
}
