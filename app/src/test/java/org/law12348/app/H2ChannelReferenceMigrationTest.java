package org.law12348.app;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/** The upgrade to hashed channel references on the embedded default's database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class H2ChannelReferenceMigrationTest extends ChannelReferenceMigrationScenarios {

    private static final Path IMAGES = temporaryDirectory();

    @DynamicPropertySource
    static void legacyDatabase(DynamicPropertyRegistry registry) {
        legacyDatabase("jdbc:h2:mem:legacy_refs;DB_CLOSE_DELAY=-1", "sa", IMAGES, registry);
    }

    @Override
    Path imageDir() {
        return IMAGES;
    }
}
