package org.law12348.portal.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.portal.SignedInStaff;
import org.law12348.ticketing.DashboardFigures;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketStatistics;
import org.law12348.ticketing.TicketingProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The dashboard's figures of today, this week or this month by channel, city and business type, as
 * raw numbers (null where there is no data yet) for the workspace to format and chart, and each table
 * as a CSV or Excel file. A unit handler gets their unit's figures only. Beside the ticket figures come
 * those other modules add ({@link DashboardFigures}: calls, the knowledge base), found in the
 * application context, so the portal depends on none of those modules.
 */
@RestController
@RequestMapping("/api/v1/staff/dashboard")
@Tag(name = "dashboard", description = "统计看板")
class DashboardApiController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Schema(description = "一组工单的统计；比率为 0–1 的小数，用时为秒，无数据时省略")
    record DashboardRow(String key, String label, long received, long answered, Double answeredRate,
                        Double medianResponseSeconds, Double p90ResponseSeconds, long handedOver,
                        Double deadlineCompliance, Double satisfaction) {

        static DashboardRow of(TicketStatistics.Row row, Regions regions) {
            return new DashboardRow(row.key(), DashboardTable.label(row.key(), regions), row.received(), row.answered(),
                    row.answeredRate(), row.medianResponseSeconds(), row.p90ResponseSeconds(), row.handedOver(),
                    row.deadlineCompliance(), row.satisfaction());
        }
    }

    @Schema(description = "按一个维度分组的统计表")
    record DashboardGroups(String dimension, String dimensionName, List<DashboardRow> rows) {
    }

    @Schema(description = "统计看板：合计、其他模块的指标（来电、知识库）和三张分组表")
    record DashboardView(String period, String periodName, DashboardRow total, List<DashboardFigures.Figure> figures,
                         List<DashboardGroups> tables) {
    }

    private final TicketStatistics statistics;
    private final Regions regions;
    private final SignedInStaff signedInStaff;
    private final TicketingProperties properties;
    private final Clock clock;
    private final List<DashboardFigures> moreFigures;

    DashboardApiController(TicketStatistics statistics, Regions regions, SignedInStaff signedInStaff,
                           TicketingProperties properties, Clock clock, List<DashboardFigures> moreFigures) {
        this.statistics = statistics;
        this.regions = regions;
        this.signedInStaff = signedInStaff;
        this.properties = properties;
        this.clock = clock;
        // a stable order whatever order the context lists them in
        this.moreFigures = moreFigures.stream().sorted(Comparator.comparingInt(DashboardFigures::order)
                .thenComparing(f -> f.getClass().getName())).toList();
    }

    @GetMapping
    @Operation(summary = "统计看板", description = "period 为 TODAY、WEEK 或 MONTH（默认 TODAY）；region 为省、市或区县代码；"
            + "承办人只看到本单位的数据；400 时 field 指明出错的参数")
    DashboardView dashboard(@RequestParam(required = false) String period,
                            @RequestParam(required = false) String region) {
        DashboardPeriod p = parsePeriod(period);
        TicketStatistics.Scope scope = scope(p, region, dashboardViewer());
        List<DashboardGroups> tables = List.of(TicketStatistics.Dimension.values()).stream()
                .map(d -> new DashboardGroups(d.name(), d.chineseName(),
                        statistics.byDimension(d, scope).stream().map(r -> DashboardRow.of(r, regions)).toList()))
                .toList();
        return new DashboardView(p.name(), p.chineseName(), DashboardRow.of(statistics.total(scope), regions),
                moreFigures.stream().flatMap(f -> f.figures(scope).stream()).toList(), tables);
    }

    @GetMapping("/export")
    @Operation(summary = "导出一张统计表", description = "dimension 为 CHANNEL、REGION 或 BUSINESS_TYPE；format 为 csv 或 xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String period,
                                  @RequestParam(required = false) String region,
                                  @RequestParam(required = false) String dimension,
                                  @RequestParam(defaultValue = "csv") String format) {
        DashboardPeriod p = parsePeriod(period);
        TicketStatistics.Dimension d = parseDimension(dimension);
        boolean excel = "xlsx".equals(format);
        if (!excel && !"csv".equals(format)) {
            throw new InvalidInputException("format", "format.unknown", "导出格式只能是 csv 或 xlsx");
        }
        DashboardTable table = DashboardTable.of(d.chineseName(), d.chineseName(),
                statistics.byDimension(d, scope(p, region, dashboardViewer())), regions);
        String name = "12348-" + p.name().toLowerCase() + "-" + d.name().toLowerCase() + (excel ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .contentType(excel ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(excel ? TableExport.xlsx(table) : TableExport.csv(table));
    }

    private StaffMember dashboardViewer() {
        StaffMember staff = signedInStaff.require();
        if (!staff.hasRole(StaffRole.DISPATCHER, StaffRole.UNIT_HANDLER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有调度员、承办人和管理员查看统计看板");
        }
        return staff;
    }

    private TicketStatistics.Scope scope(DashboardPeriod period, String region, StaffMember staff) {
        Instant now = clock.instant();
        String prefix = null;
        if (region != null && !region.isBlank()) {
            var code = regions.require(region.strip(), "region");
            prefix = code.isProvince() ? code.provinceCode() : code.isCity() ? code.cityCode() : code.value();
        }
        String unit = staff.role() == StaffRole.UNIT_HANDLER ? staff.unitCode() : null;
        return new TicketStatistics.Scope(period.start(now, properties.zone()), now.plusMillis(1), now, prefix, unit);
    }

    private static DashboardPeriod parsePeriod(String value) {
        if (value == null || value.isBlank()) {
            return DashboardPeriod.TODAY;
        }
        try {
            return DashboardPeriod.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("period", "period.unknown", "统计周期只能是今日、本周或本月");
        }
    }

    private static TicketStatistics.Dimension parseDimension(String value) {
        try {
            return TicketStatistics.Dimension.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("dimension", "dimension.unknown", "请选择要导出的表格");
        }
    }
}
