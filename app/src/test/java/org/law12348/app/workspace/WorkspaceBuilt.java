package org.law12348.app.workspace;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The workspace's browser tests need its build on the class path. A developer's build that skipped Node
 * ({@code -Dfrontend.skip=true}) skips them; under CI a missing build fails them, so they can never pass
 * by not running.
 */
final class WorkspaceBuilt implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!new ClassPathResource("static/workspace/index.html").exists()) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("The workspace was not built (consult-portal ran with -Dfrontend.skip=true)");
            }
            Assumptions.abort("The workspace was not built (-Dfrontend.skip=true); skipping its browser tests");
        }
    }
}
