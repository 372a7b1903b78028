package org.law12348.telephony.internal.ivr;

import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.Regions.Division;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the GB/T 2260 city of a caller: libphonenumber's geocoder gives a Chinese description
 * ("广东省广州市") for a mobile prefix or a fixed-line area code, and {@link Regions} turns the
 * description into a division. Area codes keyed by the caller go the same way, so no area-code table
 * has to be shipped: the geocoder's own data is the table.
 */
public final class RegionResolver {

    /** Divisions renamed or merged since Google's 2011 area-code data (see the data README). */
    private static final Map<String, String> RENAMED = Map.of("襄樊市", "襄阳市", "巢湖市", "合肥市",
            "莱芜市", "济南市", "思茅市", "普洱市");
    private static final String FILLER_SUBSCRIBER = "23456789";

    private final Regions regions;
    private final PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();

    /** Province code → city name → city code, probed by code (see {@link #cityIndex}). */
    private final Map<String, Map<String, String>> cities;

    public RegionResolver(Regions regions) {
        this.regions = regions;
        this.cities = cityIndex(regions);
    }

    /**
     * Indexes every prefecture-level division by probing its code rather than walking
     * {@code Regions.children}: cities without districts (东莞 441900, 中山 442000, 儋州 460400 …) also
     * appear in the county file under their own code, which replaces the city and makes it its own
     * parent there, so they are missing from their province's children.
     */
    private static Map<String, Map<String, String>> cityIndex(Regions regions) {
        Map<String, Map<String, String>> index = new java.util.HashMap<>();
        for (Division province : regions.children(null)) {
            Map<String, String> byName = new java.util.HashMap<>();
            String p = province.code().substring(0, 2);
            for (int c = 1; c <= 99; c++) {
                String code = p + String.format("%02d", c) + "00";
                regions.find(new RegionCode(code)).ifPresent(d -> byName.putIfAbsent(d.name(), d.code()));
            }
            index.put(province.code(), byName);
        }
        return index;
    }

    /**
     * The name people use for a province or city code ("广东省东莞市", "北京市"), built without
     * {@code Regions.fullName}, which never ends for the self-parented cities described above.
     */
    public String nameOf(RegionCode code) {
        String province = regions.find(code.province()).map(Division::name).orElse("");
        if (code.isProvince()) {
            return province;
        }
        String city = regions.find(code.city()).map(Division::name).filter(n -> !"市辖区".equals(n)).orElse("");
        String county = code.isCity() ? "" : regions.find(code).map(Division::name).filter(n -> !n.equals(city))
                .orElse("");
        return province + city + county;
    }

    /** The caller's city from a caller id as the trunk delivers it; empty when withheld or unknown. */
    public Optional<RegionCode> fromCallerId(String callerId) {
        Optional<PhoneNumber> phone = normalise(callerId);
        if (phone.isEmpty()) {
            return Optional.empty();
        }
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(86)
                .setNationalNumber(Long.parseLong(phone.get().value().replaceFirst("^0", "")));
        return fromDescription(describe(number));
    }

    /** The city of a fixed-line area code keyed by the caller ("020", "0755", with or without the 0). */
    public Optional<RegionCode> fromAreaCode(String keyed) {
        if (keyed == null || !keyed.matches("0?[1-9]\\d{1,2}")) {
            return Optional.empty();
        }
        String code = keyed.startsWith("0") ? keyed.substring(1) : keyed;
        // 010 and 02x are the only two-digit codes; every other area code has three digits after the 0
        boolean wellFormed = code.matches("10|2\\d") || code.matches("[3-9]\\d{2}");
        return wellFormed ? fromAreaCodeDigits(code) : Optional.empty();
    }

    /** A caller id as a {@link PhoneNumber}: trunk prefixes (+86, 0086, a 0 before a mobile) removed. */
    public Optional<PhoneNumber> normalise(String callerId) {
        if (callerId == null) {
            return Optional.empty();
        }
        String digits = callerId.replaceAll("[^0-9+]", "");
        if (digits.matches("01[3-9]\\d{9}")) {
            digits = digits.substring(1);
        }
        try {
            return Optional.of(new PhoneNumber(digits));
        } catch (InvalidInputException notAPhoneNumber) {
            return Optional.empty();
        }
    }

    private Optional<RegionCode> fromAreaCodeDigits(String code) {
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(86)
                .setNationalNumber(Long.parseLong(code + FILLER_SUBSCRIBER));
        return fromDescription(describe(number));
    }

    private String describe(Phonenumber.PhoneNumber number) {
        // the geocoder loads its prefix files lazily into unsynchronised maps; lookups take microseconds
        synchronized (geocoder) {
            return geocoder.getDescriptionForValidNumber(number, Locale.SIMPLIFIED_CHINESE);
        }
    }

    Optional<RegionCode> fromDescription(String description) {
        if (description == null || description.isBlank()) {
            return Optional.empty();
        }
        for (Division province : regions.children(null)) {
            if (!description.startsWith(province.name())) {
                continue;
            }
            String rest = description.substring(province.name().length());
            Map<String, String> byName = cities.getOrDefault(province.code(), Map.of());
            if (rest.isEmpty()) {
                // municipalities: 北京市 → 110100 (the city-level 市辖区)
                String municipal = byName.get("市辖区");
                return Optional.of(new RegionCode(municipal != null ? municipal : province.code()));
            }
            String cityCode = byName.get(cityNameIn(rest));
            return Optional.of(new RegionCode(cityCode != null ? cityCode : province.code()));
        }
        return Optional.empty();
    }

    private static String cityNameIn(String rest) {
        String first = rest.split("[、,，]")[0].strip();
        return RENAMED.getOrDefault(first, first);
    }
}
