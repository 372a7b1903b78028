package org.law12348.app;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The foundation scenarios on the embedded default's database (H2). The database is this context's
 * alone: the scenarios import a listener the other tests' contexts lack, so they get a context of their
 * own, and another context's outbox relay polling a shared database would deliver the events a
 * scenario holds back (it stops this context's relay to deliver them itself).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:intake_scenarios;DB_CLOSE_DELAY=-1")
class H2IntakeAndLifecycleTest extends IntakeAndLifecycleScenarios {
}
