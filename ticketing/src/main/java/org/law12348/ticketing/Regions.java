package org.law12348.ticketing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GB/T 2260 divisions (2023 statistical codes) shipped in this module: 31 provinces, their
 * cities and counties. Immutable after loading; safe to share.
 */
public final class Regions {

    /** One division: its six-digit code, its own name, and its parent's code (null for provinces). */
    public record Division(String code, String name, String parentCode) {
    }

    private static final String BASE = "/org/law12348/ticketing/regions/";

    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> byParent;

    private Regions(Map<String, Division> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<String, List<Division>> children = new LinkedHashMap<>();
        for (Division d : byCode.values()) {
            children.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d);
        }
        this.byParent = Collections.unmodifiableMap(children);
    }

    /** Loads the divisions from the classpath. */
    public static Regions load() {
        Map<String, Division> divisions = new LinkedHashMap<>();
        for (String[] row : read("provinces.csv")) {
            divisions.put(row[0] + "0000", new Division(row[0] + "0000", row[1], null));
        }
        for (String[] row : read("cities.csv")) {
            divisions.put(row[0] + "00", new Division(row[0] + "00", row[1], row[2] + "0000"));
        }
        for (String[] row : read("areas.csv")) {
            // cities without districts (东莞, 中山, 儋州) list themselves as their own county: keep the city
            divisions.putIfAbsent(row[0], new Division(row[0], row[1], row[2] + "00"));
        }
        return new Regions(divisions);
    }

    public boolean exists(RegionCode code) {
        return byCode.containsKey(code.value());
    }

    public Optional<Division> find(RegionCode code) {
        return Optional.ofNullable(byCode.get(code.value()));
    }

    /** Parses and checks a code that must name an existing division. */
    public RegionCode require(String code, String field) {
        RegionCode region;
        try {
            region = new RegionCode(code);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, "region.malformed", "行政区划代码应为6位数字，如 440106");
        }
        if (!exists(region)) {
            throw new InvalidInputException(field, "region.unknown", "行政区划代码 " + code + " 不存在");
        }
        return region;
    }

    /** The full name as people write it, e.g. 广东省广州市天河区; the 市辖区 of municipalities is left out. */
    public String fullName(RegionCode code) {
        StringBuilder name = new StringBuilder();
        for (Division d = byCode.get(code.value()); d != null; d = parentOf(d)) {
            if (!"市辖区".equals(d.name())) {
                name.insert(0, d.name());
            }
        }
        return name.toString();
    }

    /** The direct children of a division; the provinces for {@code null}. */
    public List<Division> children(String parentCode) {
        return byParent.getOrDefault(parentCode, List.of());
    }

    private Division parentOf(Division d) {
        return d.parentCode() == null ? null : byCode.get(d.parentCode());
    }

    private static List<String[]> read(String file) {
        try (InputStream in = Regions.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("Region data missing from the classpath: " + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.replace("\"", "").split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
