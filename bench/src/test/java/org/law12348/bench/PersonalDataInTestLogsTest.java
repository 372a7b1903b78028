package org.law12348.bench;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs last in {@code ./mvnw verify} (bench is the last module of the reactor) and reads what every
 * other module's tests logged (their logback-test.xml copies the log to target/test-logs/): no line
 * may hold an unmasked phone number, identity number or platform id, or the row values of a refused
 * SQL statement ({@link TestLogScanner}). Only files written since this
 * build started count, so an old run's logs neither pass nor fail it. Without any such file it fails
 * under CI (a scan of nothing proves nothing) and is skipped on a developer's partial build.
 */
class PersonalDataInTestLogsTest {

    @Test
    void noModulesTestLogHoldsAnUnmaskedPersonalNumber() throws IOException {
        List<Path> logs = freshTestLogs(Path.of("..").toAbsolutePath().normalize(), buildStarted());
        if (logs.isEmpty()) {
            String why = "no test logs written by this build under ../*/target/test-logs/";
            if (System.getenv("CI") != null) {
                fail(why + "; the other modules' tests must run first (./mvnw verify)");
            }
            Assumptions.abort(why + " (run ./mvnw verify to scan them)");
        }
        List<TestLogScanner.Finding> findings = new ArrayList<>();
        for (Path log : logs) {
            findings.addAll(TestLogScanner.scan(log));
        }
        assertThat(findings).as("unmasked personal numbers in %d test logs", logs.size()).isEmpty();
    }

    static List<Path> freshTestLogs(Path root, Instant since) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path dir = module.resolve("target/test-logs");
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".log"))
                            .filter(f -> modifiedSince(f, since))
                            .forEach(found::add);
                }
            }
        }
        return found;
    }

    private static boolean modifiedSince(Path file, Instant since) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }

    /** The reactor's start (surefire passes maven.build.timestamp); a minute of slack for its rounding. */
    private static Instant buildStarted() {
        String started = System.getProperty("law12348.buildStarted", "");
        return started.isBlank() ? Instant.EPOCH : Instant.parse(started).minusSeconds(60);
    }
}
