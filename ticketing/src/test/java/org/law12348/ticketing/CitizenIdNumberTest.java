package org.law12348.ticketing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitizenIdNumberTest {

    @Test
    void acceptsANumberWhoseCheckCharacterMatchesAndKeepsItUpperCase() {
        assertThat(new CitizenIdNumber(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
        assertThat(new CitizenIdNumber("440106199003071231").value()).isEqualTo("440106199003071231");
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "11010519491231002", "1101051949123100211", "01010519491231002X",
            "110105194913310024", "11010519491231002Y"})
    void refusesWrongCheckCharactersLengthsAndDates(String raw) {
        assertThatThrownBy(() -> new CitizenIdNumber(raw)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("contactIdNumber");
                assertThat(v.code()).isEqualTo("idNumber.malformed");
            });
        });
    }

    @Test
    void showsStaffTheFirstThreeAndLastFourCharactersOnly() {
        assertThat(new CitizenIdNumber("11010519491231002X").masked()).isEqualTo("110***********002X");
        assertThat(new CitizenIdNumber("440106199003071231").toString()).isEqualTo("440***********1231");
    }
}
