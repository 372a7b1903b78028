package org.law12348.citizenapp;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * The citizen app's built scripts and styles: their names carry a hash of their content, so phones may
 * keep them for a year without asking again (a new build has new names; index.html is never cached).
 */
@Configuration(proxyBeanMethods = false)
class CitizenAppResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/m/assets/**")
                .addResourceLocations("classpath:/static/m/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
