package org.law12348.app.workspace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One product on its embedded default (H2), with the demo staff accounts, for every workspace browser
 * test that extends this: declared once, so Spring starts the application once for all of them. The
 * hotline's recordings are read from a folder of this run that a test writes its calls' files into.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "law12348.demo.accounts=true", "camunda.bpm.process-engine-name=h2workspace",
        "spring.datasource.url=jdbc:h2:mem:h2workspace;DB_CLOSE_DELAY=-1"})
abstract class H2WorkspaceApp extends WorkspaceBrowserTestBase {

    static final Path RECORDINGS = recordingDir();

    @DynamicPropertySource
    static void recordings(DynamicPropertyRegistry registry) {
        registry.add("law12348.telephony.recording-dir", RECORDINGS::toString);
    }

    private static Path recordingDir() {
        try {
            return Files.createTempDirectory("workspace-recordings").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
