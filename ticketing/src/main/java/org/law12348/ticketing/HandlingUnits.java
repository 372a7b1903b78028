package org.law12348.ticketing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

/** All handling units. */
public interface HandlingUnits extends JpaRepository<HandlingUnit, String> {

    List<HandlingUnit> findByActiveTrueOrderByRegionCodeAscCodeAsc();

    @Query("select u from HandlingUnit u where u.type = :type and u.regionCode = :regionCode and u.active = true")
    List<HandlingUnit> findByTypeAndRegionCodeAndActiveTrue(UnitType type, String regionCode);

    default Optional<HandlingUnit> findActive(String code) {
        return findById(code).filter(HandlingUnit::active);
    }
}
