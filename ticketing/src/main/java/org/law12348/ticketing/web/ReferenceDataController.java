package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.Regions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** Divisions, business types and handling units, for pickers in the portals and the console. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "reference", description = "行政区划、业务类型、承办单位")
class ReferenceDataController {

    @Schema(description = "行政区划")
    record RegionView(String code, String name, String parentCode) {
    }

    @Schema(description = "业务类型")
    record BusinessTypeView(String code, String name) {
    }

    @Schema(description = "承办单位")
    record UnitView(String code, String name, String type, String typeName, String regionCode, String regionName) {
    }

    private final Regions regions;
    private final HandlingUnits units;

    ReferenceDataController(Regions regions, HandlingUnits units) {
        this.regions = regions;
        this.units = units;
    }

    @GetMapping("/regions")
    @Operation(summary = "下级行政区划", description = "不带 parent 返回省级；parent 为6位代码")
    List<RegionView> regions(@RequestParam(required = false) String parent) {
        String parentCode = parent == null || parent.isBlank() ? null : regions.require(parent.strip(), "parent").value();
        return regions.children(parentCode).stream()
                .map(d -> new RegionView(d.code(), d.name(), d.parentCode()))
                .toList();
    }

    @GetMapping("/business-types")
    @Operation(summary = "12348 的九类业务")
    List<BusinessTypeView> businessTypes() {
        return Arrays.stream(BusinessType.values()).map(b -> new BusinessTypeView(b.name(), b.chineseName())).toList();
    }

    @GetMapping("/staff/units")
    @Operation(summary = "承办单位（工作人员）")
    List<UnitView> units() {
        return units.findByActiveTrueOrderByRegionCodeAscCodeAsc().stream().map(this::view).toList();
    }

    private UnitView view(HandlingUnit u) {
        return new UnitView(u.code(), u.name(), u.type().name(), u.type().chineseName(), u.region().value(),
                regions.fullName(u.region()));
    }
}
