package org.law12348.telephony;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample Asterisk configuration under {@code asterisk/} says what the application needs of the PBX.
 * Parsed here as Asterisk reads it: sections in brackets, {@code key = value} (or {@code =>}) lines,
 * {@code ;} comments.
 */
class SampleConfigurationTest {

    static final Path SAMPLES = Path.of("asterisk");

    /** Issue 17, hotline item 2: there was no cdr_manager.conf, so the call log never saw a Cdr event. */
    @Test
    void sendsEveryCdrToTheApplicationOverAmi() throws IOException {
        assertThat(section("cdr_manager.conf", "general")).containsEntry("enabled", List.of("yes"));
        assertThat(section("cdr.conf", "general")).containsEntry("enable", List.of("yes"))
                .containsEntry("unanswered", List.of("yes"));
        Map<String, List<String>> user = section("manager.conf", "hotline");
        assertThat(user.get("read").get(0).split(",")).contains("cdr", "call", "agent", "system");
        assertThat(user.getOrDefault("eventfilter", List.of())).noneMatch(f -> f.contains("Cdr"));
    }

    /** Every key of a section; a key may repeat (eventfilter, exten, same). */
    static Map<String, List<String>> section(String file, String name) throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String raw : Files.readAllLines(SAMPLES.resolve(file))) {
            String line = raw.replaceFirst(";.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                current = line.substring(1, line.indexOf(']'));
                continue;
            }
            if (name.equals(current)) {
                String[] pair = line.split("=>?", 2);
                keys.computeIfAbsent(pair[0].strip(), k -> new java.util.ArrayList<>())
                        .add(pair.length > 1 ? pair[1].replaceFirst("^>", "").strip() : "");
            }
        }
        return keys;
    }
}
