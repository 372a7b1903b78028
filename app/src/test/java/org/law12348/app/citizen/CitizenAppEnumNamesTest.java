package org.law12348.app.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.TicketKind;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.TimelineEventType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen app's words for the back end's values ({@code citizen-app/src/names/enum-names.json}) name
 * exactly the values the Java enums have: a new status or event type fails here until the app says it
 * in words, instead of showing citizens a fallback.
 */
class CitizenAppEnumNamesTest {

    private static final Path NAMES = Path.of("..", "citizen-app", "src", "names", "enum-names.json");

    @Test
    void theAppHasWordsForEveryValueCitizensCanBeShown() throws IOException {
        JsonNode names = new ObjectMapper().readTree(Files.readString(NAMES));
        Map<String, Class<? extends Enum<?>>> enums = Map.of("TicketStatus", TicketStatus.class,
                "BusinessType", BusinessType.class, "TicketKind", TicketKind.class, "Channel", Channel.class,
                "TimelineEventType", TimelineEventType.class);

        assertThat(fieldNames(names)).containsExactlyInAnyOrderElementsOf(enums.keySet());
        enums.forEach((name, type) -> {
            Set<String> values = new LinkedHashSet<>();
            Arrays.stream(type.getEnumConstants()).forEach(v -> values.add(v.name()));
            assertThat(fieldNames(names.get(name))).as(name).containsExactlyInAnyOrderElementsOf(values);
            names.get(name).properties().forEach(e ->
                    assertThat(e.getValue().asText()).as(name + "." + e.getKey()).matches("[^A-Za-z]+"));
        });
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
