package org.law12348.ticketing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a citizen of a region applies for legal aid (Legal Aid Law art. 38: the centre where the case is
 * handled or the matter arose): the active legal-aid centres of the region itself, then of each division
 * above it, the nearest first — a county's own centre, its city's, its province's.
 */
@Service
public class LegalAidCentres {

    /**
     * One centre as the citizen app shows it: names, never codes.
     *
     * @param serves        the division it serves, in full (广东省广州市)
     * @param levelName     区县级, 市级 or 省级
     * @param sampleDetails the phone, address and hours are unverified demo data
     */
    public record Centre(String name, String serves, String levelName, String address, String phone,
                         String openingHours, boolean sampleDetails) {
    }

    private final HandlingUnits units;
    private final Regions regions;

    LegalAidCentres(HandlingUnits units, Regions regions) {
        this.units = units;
        this.regions = regions;
    }

    /**
     * The centres serving {@code regionCode}, nearest level first; empty where none is recorded.
     *
     * @throws InvalidInputException naming {@code field} when the code is missing, malformed or unknown
     */
    @Transactional(readOnly = true)
    public List<Centre> serving(String regionCode, String field) {
        if (regionCode == null || regionCode.isBlank()) {
            throw new InvalidInputException(field, "field.required", "请选择地区");
        }
        RegionCode region = regions.require(regionCode.strip(), field);
        List<Centre> centres = new ArrayList<>();
        for (Optional<Regions.Division> d = regions.find(region); d.isPresent();
                d = Optional.ofNullable(d.get().parentCode()).flatMap(p -> regions.find(new RegionCode(p)))) {
            String code = d.get().code();
            for (HandlingUnit unit : units.findByTypeAndRegionCodeAndActiveTrue(UnitType.LEGAL_AID_CENTER, code)) {
                centres.add(new Centre(unit.name(), regions.fullName(unit.region()), levelName(code),
                        unit.visiting().address(), unit.phone(), unit.visiting().openingHours(), unit.sampleDetails()));
            }
        }
        return centres;
    }

    private static String levelName(String code) {
        if (code.endsWith("0000")) {
            return "省级";
        }
        return code.endsWith("00") ? "市级" : "区县级";
    }
}
