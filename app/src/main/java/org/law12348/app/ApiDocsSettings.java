package org.law12348.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the API documentation ({@code /v3/api-docs}, Swagger UI): {@code anonymousAccess} lets
 * anyone (the embedded default, for trying the product); otherwise only administrators (the postgres
 * profile: a production service need not publish its attack surface).
 */
@ConfigurationProperties("law12348.api-docs")
record ApiDocsSettings(Boolean anonymousAccess) {

    ApiDocsSettings {
        anonymousAccess = anonymousAccess == null || anonymousAccess;
    }
}
