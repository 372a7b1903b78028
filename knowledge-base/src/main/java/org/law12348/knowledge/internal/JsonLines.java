package org.law12348.knowledge.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.law12348.knowledge.ImportReport;
import org.law12348.ticketing.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON Lines: each non-blank line one object; a bad line becomes an error, not a failure. */
final class JsonLines {

    /** The good records and the bad lines of one file. */
    record Parsed<T>(int lines, List<T> records, List<ImportReport.LineError> errors) {
    }

    /** Maps one parsed line; throws {@link InvalidInputException} when the line breaks a rule. */
    interface LineMapper<T> {
        T map(JsonNode node, int line);
    }

    private JsonLines() {
    }

    static <T> Parsed<T> read(InputStream in, ObjectMapper json, LineMapper<T> mapper) {
        List<T> records = new ArrayList<>();
        List<ImportReport.LineError> errors = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                parseLine(line, lineNo, json, mapper, records, errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed<>(lineNo, records, errors);
    }

    private static <T> void parseLine(String line, int lineNo, ObjectMapper json, LineMapper<T> mapper,
                                      List<T> records, List<ImportReport.LineError> errors) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (IOException e) {
            errors.add(new ImportReport.LineError(lineNo, null, "不是有效的 JSON"));
            return;
        }
        if (node == null || !node.isObject()) {
            errors.add(new ImportReport.LineError(lineNo, null, "每行应为一个 JSON 对象"));
            return;
        }
        try {
            records.add(mapper.map(node, lineNo));
        } catch (InvalidInputException e) {
            InvalidInputException.Violation v = e.violations().get(0);
            errors.add(new ImportReport.LineError(lineNo, v.field(), v.message()));
        }
    }

    /** A text field, or null when missing or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A list of strings; throws when the field is there but is not a list of strings. */
    static List<String> texts(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidInputException(field, field + ".notList", field + " 应为字符串列表");
        }
        List<String> out = new ArrayList<>();
        value.forEach(v -> out.add(v.asText()));
        return out;
    }
}
