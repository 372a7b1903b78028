package org.law12348.app;

import org.law12348.testsupport.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The foundation scenarios on PostgreSQL (127.0.0.1:5432), in a database of their own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "law12348.demo.accounts=true")
@ActiveProfiles("postgres")
class PostgresIntakeAndLifecycleTest extends IntakeAndLifecycleScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("law12348_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    }
}
