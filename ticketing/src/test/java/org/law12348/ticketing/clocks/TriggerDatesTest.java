package org.law12348.ticketing.clocks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.time.LocalDate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The dates of {@code trigger-dates.csv}, each worked out by hand against its ticket's day. */
class TriggerDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "trigger-dates.csv", delimiter = '|', nullValues = "")
    void findsTheDatesTypedInTheQuestion(String text, LocalDate created, String expected) {
        String found = TriggerDates.in(text, created).stream()
                .map(f -> f.date() + "/" + f.precision())
                .collect(Collectors.joining(";"));

        assertThat(found).isEqualTo(expected == null ? "" : expected);
    }
}
