package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.InvalidInputException.Violation;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.RouteDecision;
import org.law12348.ticketing.RoutingQuery;
import org.law12348.ticketing.TicketKind;
import org.law12348.ticketing.TicketRouting;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** Answers what the current routing table would decide, without creating anything. */
@RestController
@RequestMapping("/api/v1/routing")
@Tag(name = "routing", description = "分派规则预览")
class RoutingPreviewController {

    @Schema(description = "分派预览的输入；kind 不填时由业务类型决定，channel 不填时为 WEB")
    record PreviewRequest(@Schema(example = "440106") String regionCode,
                          @Schema(example = "LEGAL_AID") String businessType,
                          @Schema(example = "SERVICE_REQUEST") String kind,
                          @Schema(example = "WEB") String channel) {
    }

    @Schema(description = "分派结果")
    record PreviewResult(String handlingUnit, String handlingUnitName, String queue, int deadlineHours,
                         String ruleId) {
    }

    private final TicketRouting routing;
    private final Regions regions;
    private final HandlingUnits units;

    RoutingPreviewController(TicketRouting routing, Regions regions, HandlingUnits units) {
        this.routing = routing;
        this.regions = regions;
        this.units = units;
    }

    @PostMapping("/preview")
    @Operation(summary = "预览分派结果")
    PreviewResult preview(@RequestBody PreviewRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "body.missing", "请求体不能为空");
        }
        List<Violation> violations = new ArrayList<>();
        RegionCode region = null;
        try {
            region = regions.require(body.regionCode() == null ? "" : body.regionCode().strip(), "regionCode");
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        BusinessType type = parse(BusinessType.class, "businessType", body.businessType(), null, violations);
        TicketKind defaultKind = type == BusinessType.LEGAL_CONSULTATION ? TicketKind.CONSULTATION
                : TicketKind.SERVICE_REQUEST;
        TicketKind kind = parse(TicketKind.class, "kind", body.kind(), defaultKind, violations);
        Channel channel = parse(Channel.class, "channel", body.channel(), Channel.WEB, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        RouteDecision route = routing.decide(new RoutingQuery(region, type, kind, channel));
        String unitName = units.findById(route.handlingUnit()).map(HandlingUnit::name).orElse(route.handlingUnit());
        return new PreviewResult(route.handlingUnit(), unitName, route.queue().name(), route.deadlineHours(),
                route.ruleId());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String raw, E fallback,
                                               List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            if (fallback == null) {
                violations.add(new Violation(field, "field.required", "不能为空"));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, field + ".unknown", "不支持的取值"));
            return fallback;
        }
    }
}
