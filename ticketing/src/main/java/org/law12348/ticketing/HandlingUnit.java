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

    @Column(nullable = false)
    private boolean active;

    protected HandlingUnit() {
    }

    public HandlingUnit(String code, String name, UnitType type, RegionCode region, String phone) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.regionCode = region.value();
        this.phone = phone;
        this.active = true;
    }

    /** An administrator corrected the unit's details; its code, which rules refer to, never changes. */
    public void edit(String newName, UnitType newType, RegionCode newRegion, String newPhone) {
        this.name = newName;
        this.type = newType;
        this.regionCode = newRegion.value();
        this.phone = newPhone;
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

    public boolean active() {
        return active;
    }
}
