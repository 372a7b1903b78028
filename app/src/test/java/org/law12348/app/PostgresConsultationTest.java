package org.law12348.app;

import org.law12348.testsupport.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Online consultation on PostgreSQL: the concurrent claim and the ledger's uniqueness for real. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "law12348.demo.accounts=true")
@ActiveProfiles("postgres")
class PostgresConsultationTest extends ConsultationScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("law12348_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    }
}
