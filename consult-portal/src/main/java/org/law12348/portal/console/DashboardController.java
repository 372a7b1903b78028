package org.law12348.portal.console;

import org.law12348.portal.SignedInStaff;
import org.law12348.ticketing.DashboardFigures;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketStatistics;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The dashboards: figures of today, this week or this month by channel, city and business type,
 * with charts (ECharts from its WebJar) and every table exportable as CSV or Excel. A unit handler
 * sees their unit's figures only. Beside the ticket total it shows the figures other modules add
 * ({@link DashboardFigures}: calls, the knowledge base), found in the application context, so the
 * portal depends on none of those modules.
 */
@Controller
class DashboardController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TicketStatistics statistics;
    private final Regions regions;
    private final SignedInStaff consoleStaff;
    private final ConsoleFormat format;
    private final Clock clock;
    private final List<DashboardFigures> moreFigures;

    DashboardController(TicketStatistics statistics, Regions regions, SignedInStaff consoleStaff,
                        ConsoleFormat format, Clock clock, List<DashboardFigures> moreFigures) {
        this.statistics = statistics;
        this.regions = regions;
        this.consoleStaff = consoleStaff;
        this.format = format;
        this.clock = clock;
        // a stable order whatever order the context lists them in
        this.moreFigures = moreFigures.stream().sorted(Comparator.comparingInt(DashboardFigures::order)
                .thenComparing(f -> f.getClass().getName())).toList();
    }

    @GetMapping("/console/dashboard")
    String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String region,
                     Model model) {
        StaffMember staff = consoleStaff.require();
        model.addAttribute("periods", DashboardPeriod.values());
        model.addAttribute("region", region);
        model.addAttribute("noData", DashboardTable.NO_DATA);
        try {
            DashboardPeriod p = parsePeriod(period);
            TicketStatistics.Scope scope = scope(p, region, staff);
            model.addAttribute("period", p);
            model.addAttribute("total", DashboardTable.of("合计", "范围", List.of(statistics.total(scope)), regions));
            model.addAttribute("figures", moreFigures.stream().flatMap(f -> f.figures(scope).stream()).toList());
            model.addAttribute("tables", List.of(
                    table(TicketStatistics.Dimension.CHANNEL, scope),
                    table(TicketStatistics.Dimension.REGION, scope),
                    table(TicketStatistics.Dimension.BUSINESS_TYPE, scope)));
            model.addAttribute("dimensions", TicketStatistics.Dimension.values());
        } catch (InvalidInputException e) {
            model.addAttribute("period", DashboardPeriod.TODAY);
            model.addAttribute("tables", List.of());
            model.addAttribute("error", e.violations().get(0).message());
        }
        return "console/dashboard";
    }

    @GetMapping("/console/dashboard/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String period,
                                  @RequestParam(required = false) String region,
                                  @RequestParam(required = false) String dimension,
                                  @RequestParam(defaultValue = "csv") String format) {
        DashboardPeriod p = parsePeriod(period);
        TicketStatistics.Dimension d = parseDimension(dimension);
        DashboardTable table = table(d, scope(p, region, consoleStaff.require()));
        boolean excel = "xlsx".equals(format);
        if (!excel && !"csv".equals(format)) {
            throw new InvalidInputException("format", "format.unknown", "导出格式只能是 csv 或 xlsx");
        }
        String name = "12348-" + p.name().toLowerCase() + "-" + d.name().toLowerCase() + (excel ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .contentType(excel ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(excel ? TableExport.xlsx(table) : TableExport.csv(table));
    }

    private DashboardTable table(TicketStatistics.Dimension d, TicketStatistics.Scope scope) {
        return DashboardTable.of(d.chineseName(), d.chineseName(), statistics.byDimension(d, scope), regions);
    }

    private TicketStatistics.Scope scope(DashboardPeriod period, String region, StaffMember staff) {
        Instant now = clock.instant();
        String prefix = null;
        if (region != null && !region.isBlank()) {
            var code = regions.require(region.strip(), "region");
            prefix = code.isProvince() ? code.provinceCode() : code.isCity() ? code.cityCode() : code.value();
        }
        String unit = staff.role() == StaffRole.UNIT_HANDLER ? staff.unitCode() : null;
        return new TicketStatistics.Scope(period.start(now, format.zone()), now.plusMillis(1), now, prefix, unit);
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
