package org.law12348.app;

import org.springframework.boot.test.context.SpringBootTest;

/** Online consultation on the embedded default's database (H2). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:scenarios;DB_CLOSE_DELAY=-1")
class H2ConsultationTest extends ConsultationScenarios {
}
