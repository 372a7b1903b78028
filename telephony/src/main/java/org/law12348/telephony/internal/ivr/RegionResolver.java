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

    public RegionResolver(Regions regions) {
        this.regions = regions;
    }

    /** The caller's city from a caller id as the trunk delivers it; empty when withheld or unknown. */
    public Optional<RegionCode> fromCallerId(String callerId) {
        Optional<PhoneNumber> phone = normalise(callerId);
        if (phone.isEmpty()) {
            return Optional.empty();
        }
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(86)
                .setNationalNumber(Long.parseLong(phone.get().value().replaceFirst("^0", "")));
        return fromDescription(geocoder.getDescriptionForValidNumber(number, Locale.SIMPLIFIED_CHINESE));
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
        return fromDescription(geocoder.getDescriptionForValidNumber(number, Locale.SIMPLIFIED_CHINESE));
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
            if (rest.isEmpty()) {
                // municipalities: 北京市 → 110100 (the city-level 市辖区)
                return regions.children(province.code()).stream().findFirst()
                        .map(d -> new RegionCode(d.code())).or(() -> Optional.of(new RegionCode(province.code())));
            }
            String cityName = cityNameIn(rest);
            for (Division city : regions.children(province.code())) {
                if (city.name().equals(cityName)) {
                    return Optional.of(new RegionCode(city.code()));
                }
            }
            return Optional.of(new RegionCode(province.code()));
        }
        return Optional.empty();
    }

    private static String cityNameIn(String rest) {
        String first = rest.split("[、,，]")[0].strip();
        return RENAMED.getOrDefault(first, first);
    }
}
