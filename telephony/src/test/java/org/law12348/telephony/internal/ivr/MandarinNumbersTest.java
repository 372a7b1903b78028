package org.law12348.telephony.internal.ivr;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MandarinNumbersTest {

    /** What each prompt says (prompts.tsv), so a case reads as the caller hears it. */
    private static final Map<String, String> SAYS = Map.ofEntries(Map.entry("digit-0", "零"),
            Map.entry("number-1", "一"), Map.entry("digit-2", "二"), Map.entry("digit-3", "三"),
            Map.entry("digit-4", "四"), Map.entry("digit-5", "五"), Map.entry("digit-6", "六"),
            Map.entry("digit-7", "七"), Map.entry("digit-8", "八"), Map.entry("digit-9", "九"),
            Map.entry("number-10", "十"), Map.entry("number-100", "百"), Map.entry("number-1000", "千"),
            Map.entry("number-10000", "万"), Map.entry("date-year", "年"), Map.entry("date-month", "月"),
            Map.entry("date-day", "日"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0, 零", "1, 一", "7, 七", "10, 十", "11, 十一", "15, 十五", "20, 二十", "98, 九十八",
            "100, 一百", "105, 一百零五", "110, 一百一十", "115, 一百一十五", "365, 三百六十五", "1000, 一千",
            "1005, 一千零五", "1010, 一千零一十", "1050, 一千零五十", "1100, 一千一百", "2026, 二千零二十六",
            "9999, 九千九百九十九", "10000, 一万", "10010, 一万零一十", "10100, 一万零一百", "11000, 一万一千",
            "100000, 十万", "110000, 十一万", "1000001, 一百万零一", "12345678, 一千二百三十四万五千六百七十八"})
    void saysAQuantityAsMandarinDoes(long n, String expected) {
        assertThat(spoken(MandarinNumbers.quantity(n))).isEqualTo(expected);
    }

    @Test
    void saysOneAsYiNotAsTheYaoOfPhoneDigits() {
        assertThat(MandarinNumbers.quantity(1)).containsExactly("number-1");
        assertThat(MandarinNumbers.quantity(11)).doesNotContain("digit-1");
        assertThat(MandarinNumbers.year(2017)).containsExactly("digit-2", "digit-0", "number-1", "digit-7");
    }

    @Test
    void saysTheYearDigitByDigitAndMonthAndDayAsNumbers() {
        assertThat(spoken(MandarinNumbers.year(2027))).isEqualTo("二零二七");
        assertThat(spoken(MandarinNumbers.date(LocalDate.of(2027, 3, 15)))).isEqualTo("二零二七年三月十五日");
        assertThat(spoken(MandarinNumbers.date(LocalDate.of(2030, 12, 31)))).isEqualTo("二零三零年十二月三十一日");
        assertThat(spoken(MandarinNumbers.date(LocalDate.of(2026, 10, 1)))).isEqualTo("二零二六年十月一日");
    }

    @Test
    void refusesWhatItCannotSay() {
        assertThatThrownBy(() -> MandarinNumbers.quantity(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MandarinNumbers.quantity(100_000_000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String spoken(List<String> prompts) {
        return prompts.stream().map(p -> {
            assertThat(SAYS).as("a prompt for %s", p).containsKey(p);
            return SAYS.get(p);
        }).collect(Collectors.joining());
    }
}
