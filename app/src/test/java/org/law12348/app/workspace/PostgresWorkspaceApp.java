package org.law12348.app.workspace;

import org.law12348.testsupport.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One product on one fresh PostgreSQL database, with the demo staff accounts, for every workspace browser
 * test that extends this: the configuration and the property source are declared here once, so Spring
 * starts the application once for all of them. Each test makes its own tickets, from numbers of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "law12348.demo.accounts=true", "camunda.bpm.process-engine-name=workspace",
        "law12348.ticketing.attachments.dir=target/test-attachments/workspace"})
@ActiveProfiles("postgres")
abstract class PostgresWorkspaceApp extends WorkspaceBrowserTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "law12348_ws");
    }
}
