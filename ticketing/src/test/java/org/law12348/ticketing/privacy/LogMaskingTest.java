package org.law12348.ticketing.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogMaskingTest {

    @Test
    void masksMobileNumbersWithOrWithoutTheCountryCode() {
        assertThat(LogMasking.mask("Caller 13800138000 chose 2")).isEqualTo("Caller 138****8000 chose 2");
        assertThat(LogMasking.mask("from +8613912345678.")).isEqualTo("from 139****5678.");
        assertThat(LogMasking.mask("callerid=8618688886666;")).isEqualTo("callerid=186****6666;");
    }

    @Test
    void leavesLongerDigitRunsAndOrdinaryNumbersAlone() {
        assertThat(LogMasking.mask("ticket id 5000000000123 at 1764468000000"))
                .isEqualTo("ticket id 5000000000123 at 1764468000000");
        assertThat(LogMasking.mask("Loaded 1000 tickets in 12 s")).isEqualTo("Loaded 1000 tickets in 12 s");
    }

    @Test
    void masksIdentityNumbersAlipayIdsOpenidsAndFixedLines() {
        assertThat(LogMasking.mask("id 11010519491231002X ok")).isEqualTo("id 110***********002X ok");
        assertThat(LogMasking.mask("user 2088102150477652")).isEqualTo("user 2088********7652");
        assertThat(LogMasking.mask("openid o6_bmjrPTlm6_2sgVt7hMZOPfL2M signed in"))
                .isEqualTo("openid o6_b****fL2M signed in");
        assertThat(LogMasking.mask("unit phone 02083838383")).isEqualTo("unit phone 020****8383");
    }

    @Test
    void leavesWordsThatOnlyLookLikeOpenidsAlone() {
        assertThat(LogMasking.mask("outsourcedDeadlineHours=48")).isEqualTo("outsourcedDeadlineHours=48");
    }
}
