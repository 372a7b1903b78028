package org.law12348.ticketing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A body that handles tickets: a municipal 12348 platform, a business department (legal-aid centre,
 * notary office, mediation committee …) or a contracted outsourced service unit. Its region scope is
 * the GB/T 2260 division it serves; routing rules refer to it by its stable code.
 */
@Entity
@Table(name = "handling_unit")
public class HandlingUnit {

    @Id
    @Column(length = 64)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private UnitType type;

    @Column(name = "region_code", nullable = false, length = 6)
    private String regionCode;

    @Column(length = 20)
    private String phone;

    /** Where citizens go in person (the legal-aid guide shows it); null when the unit takes no visitors. */
    @Column(length = 200)
    private String address;

    @Column(name = "opening_hours", length = 100)
    private String openingHours;

    /** The phone, address and hours are demo data nobody verified (V20_80); a correction clears this. */
    @Column(name = "sample_details", nullable = false)
    private boolean sampleDetails;

    @Column(nullable = false)
    private boolean active;

    protected HandlingUnit() {
    }

    public HandlingUnit(String code, String name, UnitType type, RegionCode region, Visiting visiting) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.regionCode = region.value();
        this.phone = visiting.phone();
        this.address = visiting.address();
        this.openingHours = visiting.openingHours();
        this.active = true;
    }

    /**
     * How citizens reach the unit: phone, visiting address, opening hours; each null when there is none.
     */
    public record Visiting(String phone, String address, String openingHours) {
    }

    /**
     * An administrator corrected the unit's details; its code, which rules refer to, never changes. Details
     * an administrator saved changed are theirs, no longer demo data.
     */
    public void edit(String newName, UnitType newType, RegionCode newRegion, Visiting newVisiting) {
        if (!newVisiting.equals(visiting())) {
            this.sampleDetails = false;
        }
        this.name = newName;
        this.type = newType;
        this.regionCode = newRegion.value();
        this.phone = newVisiting.phone();
        this.address = newVisiting.address();
        this.openingHours = newVisiting.openingHours();
    }

    /** The unit stops taking tickets; routing and reassignment no longer offer it. */
    public void deactivate() {
        this.active = false;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public UnitType type() {
        return type;
    }

    public RegionCode region() {
        return new RegionCode(regionCode);
    }

    public String phone() {
        return phone;
    }

    public Visiting visiting() {
        return new Visiting(phone, address, openingHours);
    }

    /** Whether the phone, address and hours are unverified demo data. */
    public boolean sampleDetails() {
        return sampleDetails;
    }

    public boolean active() {
        return active;
    }
}
