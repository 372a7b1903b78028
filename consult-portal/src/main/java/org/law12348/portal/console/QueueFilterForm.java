package org.law12348.portal.console;

import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.DeadlineState;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketFilter;
import org.law12348.ticketing.TicketKind;
import org.law12348.ticketing.TicketStatus;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.function.Function;

/**
 * The queue filters as the console's form sends them (blank means "any"). Turns them into
 * ticketing's filter, naming the field in Chinese when a value is not one the form offers.
 */
record QueueFilterForm(String regionCode, String businessType, String kind, String channel, String status,
                       String handlingUnit, String assignee, String deadline) {

    TicketFilter toFilter(Regions regions, StaffMember staff) {
        // A unit handler's queue is their unit's, whatever the form says (the search enforces it too).
        String unit = staff.role() == StaffRole.UNIT_HANDLER ? staff.unitCode() : blankToNull(handlingUnit);
        return new TicketFilter(
                blankToNull(regionCode) == null ? null : regions.require(regionCode.strip(), "regionCode"),
                parse("businessType", "业务类型", businessType, BusinessType::valueOf),
                parse("kind", "工单类型", kind, TicketKind::valueOf),
                parse("status", "状态", status, TicketStatus::valueOf),
                parse("channel", "渠道", channel, Channel::valueOf),
                unit, null, blankToNull(assignee), null,
                parse("deadline", "时限状态", deadline, DeadlineState::valueOf));
    }

    /** The query string that repeats these filters, for the next-page link. */
    String query(String cursor) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/console");
        add(b, "regionCode", regionCode);
        add(b, "businessType", businessType);
        add(b, "kind", kind);
        add(b, "channel", channel);
        add(b, "status", status);
        add(b, "handlingUnit", handlingUnit);
        add(b, "assignee", assignee);
        add(b, "deadline", deadline);
        add(b, "cursor", cursor);
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (blankToNull(value) != null) {
            b.queryParam(name, value.strip());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> T parse(String field, String label, String value, Function<String, T> parser) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + ".unknown", label + "的取值无效");
        }
    }
}
