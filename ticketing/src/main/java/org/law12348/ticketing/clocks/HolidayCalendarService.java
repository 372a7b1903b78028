package org.law12348.ticketing.clocks;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Administrators edit a year's holiday arrangement (the State Council notice of that year). A saved year
 * replaces the shipped file's year; removing the edit brings the file back. Each change is audited with
 * the days it added and removed, takes effect for this node's computations at once, and corrects the
 * stored due dates of running clocks (queue sort, reminders) in the same transaction.
 */
@Service
public class HolidayCalendarService {

    /** The oldest year worth editing: no clock triggered 20 years ago can end before it. */
    static final int FIRST_YEAR = 2000;
    /** The State Council publishes a year's notice late in the year before: a few years ahead is plenty. */
    static final int YEARS_AHEAD = 5;

    /** A year as the editor shows it: where it comes from and who last changed it. */
    public record YearView(HolidayCalendar.Year year, Origin origin, boolean shipped, String updatedBy, Instant updatedAt) {
    }

    /** Where the arrangement in use comes from. */
    public enum Origin {
        /** The file shipped with the release. */
        SHIPPED,
        /** An administrator's edit, over the shipped file if there is one. */
        EDITED
    }

    private final HolidayArrangement arrangement;
    private final HolidayCalendarEdits edits;
    private final LegalClockService clocks;
    private final AuditTrail audit;
    private final Clock clock;

    HolidayCalendarService(HolidayArrangement arrangement, HolidayCalendarEdits edits, LegalClockService clocks,
                           AuditTrail audit, Clock clock) {
        this.arrangement = arrangement;
        this.edits = edits;
        this.clocks = clocks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every year in use, oldest first. */
    @Transactional(readOnly = true)
    public List<YearView> years() {
        Map<Integer, HolidayCalendarEdits.Edited> edited = new HashMap<>();
        edits.all().forEach(e -> edited.put(e.year().year(), e));
        Set<Integer> years = new TreeSet<>(arrangement.shipped().loadedYears());
        years.addAll(edited.keySet());
        return years.stream().map(y -> view(y, edited.get(y)).orElseThrow()).toList();
    }

    /** The year in use, or empty when neither a file nor an edit has it. */
    @Transactional(readOnly = true)
    public Optional<YearView> year(String year) {
        int y = year(year, "year");
        return view(y, edits.find(y).orElse(null));
    }

    @Transactional
    public YearView save(String yearText, HolidayYearInput input, StaffMember admin) {
        int year = year(yearText, "year");
        HolidayCalendar.Year checked = HolidayYearCheck.check(year, input);
        Optional<HolidayCalendar.Year> before = arrangement.current().find(year);
        edits.save(checked, admin.username(), clock.instant());
        audit.change(admin, AuditAction.HOLIDAY_CALENDAR_CHANGED, AuditSubject.none(),
                HolidayChanges.describe(year, before.orElse(null), checked));
        takeEffect();
        return view(year, edits.find(year).orElseThrow()).orElseThrow();
    }

    /** Removes the edit: the shipped file of the year applies again, or the year is no longer loaded. */
    @Transactional
    public Optional<YearView> revert(String yearText, StaffMember admin) {
        int year = year(yearText, "year");
        if (!edits.delete(year)) {
            throw new InvalidInputException("year", "year.notEdited", year + "年的节假日安排没有修改过，无需恢复");
        }
        audit.change(admin, AuditAction.HOLIDAY_CALENDAR_CHANGED, AuditSubject.none(),
                "撤销" + year + "年节假日安排的修改，" + (arrangement.shipped().isLoaded(year) ? "恢复随系统发布的安排" : "该年份不再载入"));
        takeEffect();
        return view(year, null);
    }

    /**
     * Reloads within the transaction (it sees its own rows) and corrects stored due dates with the new
     * calendar; reloads again once the transaction ends, so neither a rollback nor a scheduled refresh
     * that read the rows before the commit leaves this node with a calendar that is not the saved one.
     */
    private void takeEffect() {
        arrangement.reload();
        clocks.refreshDueDates();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    arrangement.reload();
                }
            });
        }
    }

    private Optional<YearView> view(int year, HolidayCalendarEdits.Edited edited) {
        if (edited != null) {
            return Optional.of(new YearView(edited.year(), Origin.EDITED, arrangement.shipped().isLoaded(year),
                    edited.updatedBy(), edited.updatedAt()));
        }
        return arrangement.shipped().find(year).map(y -> new YearView(y, Origin.SHIPPED, true, null, null));
    }

    private int year(String raw, String field) {
        int year;
        try {
            year = Integer.parseInt(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "year.invalid", "年份应为四位数字，例如 2027");
        }
        int last = LocalDate.now(clock.withZone(ClockZone.CHINA)).getYear() + YEARS_AHEAD;
        if (year < FIRST_YEAR || year > last) {
            throw new InvalidInputException(field, "year.outOfRange", "年份应在" + FIRST_YEAR + "年至" + last + "年之间");
        }
        return year;
    }
}
