package org.law12348.app.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The declared access matrix: {@code access-matrix.psv} on the test class path (format described there). */
record AccessTable(Map<String, Entry> entries) {

    /**
     * @param method  HTTP method, {@code *} for a mapping that takes any method (probed with GET)
     * @param pattern the path pattern exactly as Spring maps it
     * @param outsideMvc true ({@code ~} before the method) for a representative path not mapped by Spring MVC
     * @param allowed the roles that get through
     * @param probe   the concrete path to call (defaults to the pattern)
     * @param body    the request body (JSON for /api, form fields for pages)
     */
    record Entry(String method, String pattern, boolean outsideMvc, Set<Role> allowed, String probe, String body) {
        String key() {
            return key(method, pattern);
        }

        static String key(String method, String pattern) {
            return method + " " + pattern;
        }
    }

    static AccessTable load(String resource) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                AccessTable.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                Entry entry = parse(line, number);
                if (entries.put(entry.key(), entry) != null) {
                    throw new IllegalStateException(resource + ":" + number + " repeats " + entry.key());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AccessTable(entries);
    }

    private static Entry parse(String line, int number) {
        String[] cells = line.split("\\|", -1);
        if (cells.length < 3 || cells.length > 5) {
            throw new IllegalStateException("line " + number + ": expected METHOD | pattern | roles [| probe [| body]]");
        }
        String method = cells[0].strip();
        boolean outside = method.startsWith("~");
        method = outside ? method.substring(1) : method;
        String pattern = cells[1].strip();
        String probe = cells.length > 3 && !cells[3].isBlank() ? cells[3].strip() : pattern;
        String body = cells.length > 4 ? cells[4].strip() : "";
        return new Entry(method, pattern, outside, Role.parse(cells[2]), probe, body);
    }
}
