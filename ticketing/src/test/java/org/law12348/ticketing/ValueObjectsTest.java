package org.law12348.ticketing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {

    private static final Regions REGIONS = Regions.load();

    @Test
    void regionsKnowProvincesCitiesAndCounties() {
        assertThat(REGIONS.exists(new RegionCode("440000"))).isTrue();
        assertThat(REGIONS.exists(new RegionCode("440100"))).isTrue();
        assertThat(REGIONS.exists(new RegionCode("440106"))).isTrue();
        assertThat(REGIONS.exists(new RegionCode("441900"))).isTrue();
        assertThat(REGIONS.exists(new RegionCode("449999"))).isFalse();
        assertThat(REGIONS.fullName(new RegionCode("440106"))).isEqualTo("广东省广州市天河区");
        assertThat(REGIONS.fullName(new RegionCode("110105"))).isEqualTo("北京市朝阳区");
        assertThat(REGIONS.children("440000")).hasSize(21);
        assertThat(REGIONS.children(null)).hasSize(31);
    }

    @Test
    void aRegionCodeKnowsItsCityAndProvince() {
        RegionCode tianhe = new RegionCode("440106");
        assertThat(tianhe.city()).isEqualTo(new RegionCode("440100"));
        assertThat(tianhe.province()).isEqualTo(new RegionCode("440000"));
        assertThat(new RegionCode("440000").isProvince()).isTrue();
        assertThat(new RegionCode("440100").isCity()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "44010", "4401066", "44A106", "040106"})
    void malformedRegionCodesAreRefused(String code) {
        assertThatThrownBy(() -> new RegionCode(code)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void phoneNumbersAreNormalisedAndMasked() {
        assertThat(new PhoneNumber("+86 138-0013-8000").value()).isEqualTo("13800138000");
        assertThat(new PhoneNumber("13800138000").masked()).isEqualTo("138****8000");
        assertThat(new PhoneNumber("02083001234").isMobile()).isFalse();
        assertThat(new PhoneNumber("13800138000").toString()).doesNotContain("0013");
        assertThatThrownBy(() -> new PhoneNumber("12345")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void textRulesFindControlCharactersAndBrokenSurrogates() {
        assertThat(TextRules.hasControlCharacters("第一行\n第二行", true)).isFalse();
        assertThat(TextRules.hasControlCharacters("第一行\n第二行", false)).isTrue();
        assertThat(TextRules.hasControlCharacters("工资\u0007", true)).isTrue();
        assertThat(TextRules.hasControlCharacters("表情😀正常", true)).isFalse();
        assertThat(TextRules.hasControlCharacters("坏的\uD83D", true)).isTrue();
        assertThat(TextRules.subjectFrom("一二三四五六\n第二行", 4)).isEqualTo("一二三…");
    }

    @Test
    void ticketNumbersHaveTheirForm() {
        assertThat(TicketNumber.isWellFormed("GD20261128-000123")).isTrue();
        assertThat(TicketNumber.isWellFormed("GD20261128-12")).isFalse();
        assertThat(TicketNumber.isWellFormed("../etc/passwd")).isFalse();
    }
}
