package org.law12348.telephony;

import org.junit.jupiter.api.Test;
import org.law12348.ticketing.clocks.ClockTexts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The voice prompts shipped under {@code asterisk/sounds/} (issue 17, hotline item 1: the sample
 * configuration named prompts nobody had): one file for every prompt the scripts play, each in the
 * one form Asterisk's format_wav accepts for {@code .wav}: PCM, mono, 8000 Hz, 16 bits, no chunk
 * between the format and the data.
 */
class ShippedPromptsTest {

    static final Path SOUNDS = Path.of("asterisk/sounds");

    @Test
    void everyPromptTheScriptsPlayHasItsTextAndItsFile() throws IOException {
        Set<String> texts = Files.readAllLines(SOUNDS.resolve("prompts.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")[0])
                .collect(Collectors.toSet());

        assertThat(texts).containsAll(TelephonyProperties.PROMPT_NAMES);
        for (String name : TelephonyProperties.PROMPT_NAMES) {
            assertThat(SOUNDS.resolve("zh/custom/" + name + ".wav")).as(name).isRegularFile();
        }
    }

    @Test
    void everyShippedFileIsAWavAsteriskPlays() throws IOException {
        List<Path> files;
        try (var listing = Files.list(SOUNDS.resolve("zh/custom"))) {
            files = listing.toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(TelephonyProperties.PROMPT_NAMES.size());
        for (Path file : files) {
            ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(ascii(wav, 0)).as(file + " RIFF").isEqualTo("RIFF");
            assertThat(ascii(wav, 8)).as(file + " WAVE").isEqualTo("WAVE");
            assertThat(ascii(wav, 12)).as(file + " fmt").isEqualTo("fmt ");
            assertThat(wav.getShort(20)).as(file + " PCM").isEqualTo((short) 1);
            assertThat(wav.getShort(22)).as(file + " mono").isEqualTo((short) 1);
            assertThat(wav.getInt(24)).as(file + " 8 kHz").isEqualTo(8000);
            assertThat(wav.getShort(34)).as(file + " 16 bits").isEqualTo((short) 16);
            assertThat(ascii(wav, 36)).as(file + " data right after fmt").isEqualTo("data");
            assertThat(wav.getInt(40)).as(file + " data size").isPositive().isEqualTo(wav.capacity() - 44);
        }
    }

    /** The hotline says the same disclaimer under legal clocks as the web and the mini-programs show. */
    @Test
    void theClockDisclaimerIsTheProductsOwnSentence() throws IOException {
        assertThat(texts()).containsEntry("clock-disclaimer", ClockTexts.DISCLAIMER);
    }

    /**
     * Every clock type of workflow-models' {@code legal-clock-types} table has a prompt that says its
     * name (a type added there without one is read out as 法律期限 until it gets one: add it here).
     */
    @Test
    void everyClockTypeOfTheTableHasAPromptSayingItsName() throws IOException {
        String dmn = Files.readString(Path.of("../workflow-models/src/main/resources/org/law12348/workflow/"
                + "legal-clock-types.dmn"));
        Matcher rows = Pattern.compile("<inputEntry id=\"[^\"]*-type\"><text>\"(\\w+)\"</text></inputEntry>\\s*"
                + "<outputEntry id=\"[^\"]*-name\"><text>\"([^\"]+)\"</text>").matcher(dmn);
        Map<String, String> texts = texts();
        int types = 0;
        while (rows.find()) {
            types++;
            String prompt = TelephonyProperties.clockPrompt(rows.group(1));
            assertThat(TelephonyProperties.PROMPT_NAMES).as(rows.group(1)).contains(prompt);
            String name = rows.group(2).replace("（", "，").replace("）", "");
            assertThat(texts.get(prompt)).as(prompt).isEqualTo(name);
        }
        assertThat(types).isEqualTo(TelephonyProperties.CLOCK_TYPES.size());
    }

    private static Map<String, String> texts() throws IOException {
        return Files.readAllLines(SOUNDS.resolve("prompts.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? p[1] : ""));
    }

    /** How long the given shipped prompts ({@code custom/<name>}) play one after another. */
    static double seconds(List<String> prompts) throws IOException {
        double total = 0;
        for (String prompt : prompts) {
            long bytes = Files.size(SOUNDS.resolve("zh/" + prompt + ".wav")) - 44;
            total += bytes / 2.0 / 8000;
        }
        return total;
    }

    private static String ascii(ByteBuffer buffer, int at) {
        byte[] four = new byte[4];
        buffer.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }
}
