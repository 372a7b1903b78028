package org.law12348.app;

import org.law12348.testsupport.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/** The upgrade to hashed channel references on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresChannelReferenceMigrationTest extends ChannelReferenceMigrationScenarios {

    private static final Path IMAGES = temporaryDirectory();

    @DynamicPropertySource
    static void legacyDatabase(DynamicPropertyRegistry registry) {
        legacyDatabase(PostgresDatabase.create("law12348_refs"), PostgresDatabase.USER, IMAGES, registry);
    }

    @Override
    Path imageDir() {
        return IMAGES;
    }
}
