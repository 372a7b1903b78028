package org.law12348.app;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application behind a TLS-terminating reverse proxy: requests the trusted proxies forward as
 * HTTPS count as secure ({@link ForwardedProtoValve}), so the session cookie is {@code Secure} there;
 * {@code SameSite=Lax} comes from {@code server.servlet.session.cookie.same-site}. Without trusted
 * proxies (the embedded default) only a direct HTTPS connection is secure.
 */
@Configuration(proxyBeanMethods = false)
class BehindTlsProxy {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> forwardedProto(SecuritySettings settings) {
        return factory -> factory.addEngineValves(new ForwardedProtoValve(settings.trustedProxies()));
    }
}
