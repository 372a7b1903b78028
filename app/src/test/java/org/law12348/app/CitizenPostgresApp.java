package org.law12348.app;

import org.law12348.testsupport.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The product on a fresh PostgreSQL database as citizens reach it over HTTP, with the demo staff
 * accounts (admin, …) for the staff side of a test. One database and one application for every test
 * class that extends this: the property source is declared once, so Spring reuses the context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "law12348.demo.accounts=true")
@ActiveProfiles("postgres")
abstract class CitizenPostgresApp {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("law12348_it_citizen_api");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    }

    @LocalServerPort
    int port;
}
