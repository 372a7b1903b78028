package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.clocks.HolidayCalendar;
import org.law12348.ticketing.clocks.HolidayCalendarService;
import org.law12348.ticketing.clocks.HolidayYearInput;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The holiday calendar legal clocks are computed with (issue 22): administrators edit a year's
 * arrangement over the shipped file, or remove the edit to bring the file back.
 */
@RestController
@RequestMapping("/api/v1/admin/holiday-calendar")
@Tag(name = "admin-holiday-calendar", description = "节假日安排（法律期限届满日遇节假日顺延的依据）")
class HolidayCalendarAdminController {

    @Schema(description = "一年的节假日安排：放假日和调休上班日；origin 为 SHIPPED（随系统发布）、EDITED（管理员修改）、NONE（未载入）")
    record HolidayYearView(int year, String status, String statusName, String source,
                           @Schema(example = "EDITED") String origin, String originName,
                           @Schema(description = "该年份是否有随系统发布的安排（撤销修改后恢复为它）") boolean shipped,
                           String updatedBy, Instant updatedAt, int holidayCount, int workdayCount,
                           List<HolidayDayView> days) {
    }

    @Schema(description = "一天：kind 为 HOLIDAY（放假）或 WORKDAY（调休上班）")
    record HolidayDayView(LocalDate date, String kind, String kindName, @Schema(example = "星期六") String weekday,
                          @Schema(example = "春节") String name) {
    }

    @Schema(description = "保存一年的节假日安排：status 为 OFFICIAL（正式，按国务院通知）或 PROVISIONAL（暂定）；"
            + "days 每天一行，同一日期不能重复，调休上班日须为星期六或星期日；出错时 field 指明字段，如 days[3].date")
    record HolidayYearBody(@Schema(example = "OFFICIAL") String status,
                           @Schema(example = "国务院办公厅关于2027年部分节假日安排的通知") String source,
                           List<DayBody> days) {
    }

    record DayBody(@Schema(example = "2027-02-06") String date, @Schema(example = "HOLIDAY") String kind,
                   @Schema(example = "春节") String name) {
    }

    private final HolidayCalendarService calendar;
    private final CurrentStaff currentStaff;

    HolidayCalendarAdminController(HolidayCalendarService calendar, CurrentStaff currentStaff) {
        this.calendar = calendar;
        this.currentStaff = currentStaff;
    }

    @GetMapping
    @Operation(summary = "已载入的节假日安排", description = "管理员；按年份排列")
    List<HolidayYearView> years() {
        currentStaff.require();
        return calendar.years().stream().map(HolidayCalendarAdminController::view).toList();
    }

    @GetMapping("/{year}")
    @Operation(summary = "一年的节假日安排", description = "管理员；未载入的年份 origin 为 NONE，可据此新增")
    HolidayYearView year(@PathVariable String year) {
        currentStaff.require();
        return calendar.year(year).map(HolidayCalendarAdminController::view).orElseGet(() -> none(Integer.parseInt(year.strip())));
    }

    @PutMapping("/{year}")
    @Operation(summary = "保存一年的节假日安排", description = "管理员；立即用于本节点的期限计算，其他节点一分钟内；记入审计日志")
    HolidayYearView save(@PathVariable String year, @RequestBody(required = false) HolidayYearBody body) {
        HolidayYearInput input = body == null ? null : new HolidayYearInput(body.status(), body.source(),
                body.days() == null ? null : body.days().stream()
                        .map(d -> d == null ? null : new HolidayYearInput.Day(d.date(), d.kind(), d.name())).toList());
        return view(calendar.save(year, input, currentStaff.require()));
    }

    @DeleteMapping("/{year}")
    @Operation(summary = "撤销对一年节假日安排的修改", description = "管理员；恢复随系统发布的安排，没有则该年份不再载入")
    HolidayYearView revert(@PathVariable String year) {
        Optional<HolidayCalendarService.YearView> left = calendar.revert(year, currentStaff.require());
        return left.map(HolidayCalendarAdminController::view).orElseGet(() -> none(Integer.parseInt(year.strip())));
    }

    private static HolidayYearView view(HolidayCalendarService.YearView v) {
        HolidayCalendar.Year y = v.year();
        List<HolidayDayView> days = new ArrayList<>();
        y.holidays().forEach(d -> days.add(day(d, "HOLIDAY", y)));
        y.workdays().forEach(d -> days.add(day(d, "WORKDAY", y)));
        days.sort(Comparator.comparing(HolidayDayView::date));
        boolean edited = v.origin() == HolidayCalendarService.Origin.EDITED;
        return new HolidayYearView(y.year(), y.status().name(), y.status() == HolidayCalendar.Status.OFFICIAL ? "正式" : "暂定",
                y.source(), v.origin().name(), edited ? "管理员修改" : "随系统发布", v.shipped(), v.updatedBy(), v.updatedAt(),
                y.holidays().size(), y.workdays().size(), days);
    }

    private static HolidayYearView none(int year) {
        return new HolidayYearView(year, null, null, null, "NONE", "未载入", false, null, null, 0, 0, List.of());
    }

    private static HolidayDayView day(LocalDate date, String kind, HolidayCalendar.Year year) {
        return new HolidayDayView(date, kind, kind.equals("HOLIDAY") ? "放假" : "调休上班",
                date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA), year.names().getOrDefault(date, ""));
    }
}
