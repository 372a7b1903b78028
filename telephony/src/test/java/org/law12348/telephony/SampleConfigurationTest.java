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

    /** Issue 20: desks join, pause and leave queues over AMI, which Asterisk allows with write = agent. */
    @Test
    void letsTheApplicationChangeQueueMembersAndShipsTheDemoDeskPhone() throws IOException {
        Map<String, List<String>> user = section("manager.conf", "hotline");
        assertThat(user.get("write").get(0).split(",")).contains("agent", "originate");
        assertThat(section("pjsip.conf", "1001")).isNotEmpty();
    }

    /**
     * Issue 17, hotline item 8: the sample dialplan did not check AGISTATUS, so with the application
     * unreachable no call was answered. Without a decision from the application the call goes to a
     * fallback: the queue, then a recorded message, the CDR marked for the call log.
     */
    @Test
    void fallsBackToTheQueueAndThenAMessageWhenTheApplicationCannotBeReached() throws IOException {
        List<String> hotline = section("extensions.conf", "from-trunk").get("same");
        int agi = indexOf(hotline, "AGI(${HOTLINE_AGI}/hotline)");
        int fallback = indexOf(hotline, "Goto(fallback,s,1)");
        assertThat(hotline.subList(agi, fallback)).anyMatch(l -> l.contains("${AGISTATUS}"))
                .noneMatch(l -> l.contains("Hangup()"));
        assertThat(hotline.get(indexOf(hotline, "AGI(${HOTLINE_AGI}/hotline,overflow)") + 1))
                .contains("${AGISTATUS}");

        List<String> steps = section("extensions.conf", "fallback").get("same");
        assertThat(String.join("\n", steps)).contains("Set(CDR(userfield)=HOTLINE_FALLBACK)", "Queue(",
                "Record(/var/spool/asterisk/monitor/hotline/fallback-${UNIQUEID}.wav");
        for (String prompt : java.util.regex.Pattern.compile("custom/[a-z0-9-]+")
                .matcher(Files.readString(SAMPLES.resolve("extensions.conf"))).results().map(m -> m.group()).toList()) {
            assertThat(SAMPLES.resolve("sounds/zh/" + prompt + ".wav")).as(prompt).isRegularFile();
        }
    }

    private static int indexOf(List<String> steps, String step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).contains(step)) {
                return i;
            }
        }
        throw new AssertionError("no step " + step + " in " + steps);
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
