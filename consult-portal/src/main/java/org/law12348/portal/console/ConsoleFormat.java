package org.law12348.portal.console;

import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.TicketingProperties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formatting helpers the console templates use as {@code @consoleFormat}: local times and names. */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private final Regions regions;
    private final HandlingUnits units;

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ConsoleFormat(TicketingProperties properties, Regions regions, HandlingUnits units,
                  com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.zone = properties.zone();
        this.regions = regions;
        this.units = units;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    public String region(RegionCode code) {
        return code == null ? "" : regions.fullName(code);
    }

    /** Names of all handling units by code, for one page's worth of lookups in a single query. */
    public java.util.Map<String, String> unitNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        units.findAll().forEach(u -> names.put(u.code(), u.name()));
        return names;
    }

    /** A value as JSON, for chart data in HTML attributes (Thymeleaf escapes it there). */
    public String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write chart data", e);
        }
    }

    ZoneId zone() {
        return zone;
    }
}
