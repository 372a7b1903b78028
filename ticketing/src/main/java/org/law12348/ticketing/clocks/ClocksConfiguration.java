package org.law12348.ticketing.clocks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the shipped holiday arrangements, one file per year. */
@Configuration(proxyBeanMethods = false)
class ClocksConfiguration {

    static final String HOLIDAY_FILES = "classpath*:org/law12348/ticketing/clocks/holidays/*.txt";

    @Bean
    HolidayCalendar holidayCalendar() throws IOException {
        List<HolidayCalendar.Year> years = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(HOLIDAY_FILES)) {
            try (InputStream in = file.getInputStream()) {
                years.add(HolidayFiles.parse(file.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return new HolidayCalendar(years);
    }
}
