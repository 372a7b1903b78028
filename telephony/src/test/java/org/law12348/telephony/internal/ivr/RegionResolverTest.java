package org.law12348.telephony.internal.ivr;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.Regions;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected cities come from area-codes.csv / mobile-prefixes-libphonenumber.csv of the shared data. */
class RegionResolverTest {

    private static final RegionResolver RESOLVER = new RegionResolver(Regions.load());

    @ParameterizedTest
    @CsvSource({"13800138000,110100", "+8613800138000,110100", "013800138000,110100", "1300000 1234,370100",
            "02083334444,440100", "075512345678,440300", "01062345678,110100", "07104567890,420600"})
    void findsTheCityOfACallerId(String callerId, String city) {
        assertThat(RESOLVER.fromCallerId(callerId)).contains(new RegionCode(city));
    }

    @ParameterizedTest
    @CsvSource({"020,440100", "20,440100", "0755,440300", "755,440300", "010,110100", "0551,340100", "0769,441900"})
    void findsTheCityOfAKeyedAreaCode(String keyed, String city) {
        assertThat(RESOLVER.fromAreaCode(keyed)).contains(new RegionCode(city));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "075", "999", "12345", "0123", "*#"})
    void rejectsWhatIsNoAreaCode(String keyed) {
        assertThat(RESOLVER.fromAreaCode(keyed)).isEmpty();
    }

    /** Regression: 东莞 and 中山 have no districts and were missed as children of 广东省. */
    @ParameterizedTest
    @CsvSource({"0769,441900", "0760,442000", "0898,460100"})
    void findsCitiesWithoutDistricts(String keyed, String city) {
        assertThat(RESOLVER.fromAreaCode(keyed)).contains(new RegionCode(city));
    }

    @Test
    void namesProvincesCitiesAndMunicipalitiesWithoutWalkingParents() {
        assertThat(RESOLVER.nameOf(new RegionCode("441900"))).isEqualTo("广东省东莞市");
        assertThat(RESOLVER.nameOf(new RegionCode("110100"))).isEqualTo("北京市");
        assertThat(RESOLVER.nameOf(new RegionCode("440000"))).isEqualTo("广东省");
        assertThat(RESOLVER.nameOf(new RegionCode("440106"))).isEqualTo("广东省广州市天河区");
    }

    @Test
    void knowsNothingOfAWithheldOrForeignNumber() {
        assertThat(RESOLVER.fromCallerId("unknown")).isEmpty();
        assertThat(RESOLVER.fromCallerId(null)).isEmpty();
        assertThat(RESOLVER.fromCallerId("+14155550100")).isEmpty();
    }
}
