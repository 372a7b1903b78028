package org.law12348.portal.workspace;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * The workspace's built files: their names carry a hash of their content, so browsers may keep them
 * for a year without asking again (a new build has new names, and {@code index.html} is never cached).
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/workspace/assets/**")
                .addResourceLocations("classpath:/static/workspace/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
