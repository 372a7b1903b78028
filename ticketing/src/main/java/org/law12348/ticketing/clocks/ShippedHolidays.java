package org.law12348.ticketing.clocks;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The holiday arrangements shipped with the release, one file per year ({@link HolidayFiles}). */
public final class ShippedHolidays {

    static final String HOLIDAY_FILES = "classpath*:org/law12348/ticketing/clocks/holidays/*.txt";

    private ShippedHolidays() {
    }

    public static HolidayCalendar load() {
        List<HolidayCalendar.Year> years = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(HOLIDAY_FILES)) {
                try (InputStream in = file.getInputStream()) {
                    years.add(HolidayFiles.parse(file.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped holiday files cannot be read", e);
        }
        return new HolidayCalendar(years);
    }
}
