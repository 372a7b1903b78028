package org.law12348.app;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/** Registers Camunda's container-based authentication so Cockpit trusts the product's admin login. */
@Configuration(proxyBeanMethods = false)
class CamundaWebappConfiguration {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaSso() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", CamundaAdminSso.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        // after Spring Security's filter chain, which has established (and required) the admin login
        registration.setOrder(101);
        return registration;
    }
}
