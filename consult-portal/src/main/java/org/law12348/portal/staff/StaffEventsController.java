package org.law12348.portal.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.portal.SignedInStaff;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketSearch;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What keeps an open queue current without reloading: the ticket events as they happen, and the
 * number of tickets in each deadline state for the badges. For the people who work queues
 * (dispatchers, unit handlers, administrators); a unit handler hears and counts their unit only.
 */
@RestController
@Tag(name = "staff-events", description = "工作台队列的实时更新")
class StaffEventsController {

    private final LiveUpdates updates;
    private final TicketSearch search;
    private final SignedInStaff signedInStaff;

    StaffEventsController(LiveUpdates updates, TicketSearch search, SignedInStaff signedInStaff) {
        this.updates = updates;
        this.search = search;
        this.signedInStaff = signedInStaff;
    }

    @GetMapping(value = "/api/v1/staff/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "队列的实时事件（服务器推送）",
            description = "先发 ready，之后每个工单变化发一条 ticket 事件：{type, number, handlingUnit, message}；"
                    + "type 为 CREATED、ESCALATED、HANDED_OVER、REASSIGNED、ACCEPTED、ANSWERED、FOLLOWED_UP、CLOSED")
    SseEmitter events() {
        return updates.subscribe(queueWorker());
    }

    @GetMapping("/api/v1/staff/tickets/deadline-counts")
    @Operation(summary = "各时限状态的工单数", description = "键为 OVERDUE、DUE_SOON、POOL_UNANSWERED、HANDED_OVER")
    Map<String, Long> deadlineCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        search.countByDeadlineState(queueWorker()).forEach((state, n) -> counts.put(state.name(), n));
        return counts;
    }

    private StaffMember queueWorker() {
        StaffMember staff = signedInStaff.require();
        if (!staff.hasRole(StaffRole.DISPATCHER, StaffRole.UNIT_HANDLER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有调度员、承办人和管理员使用工单队列");
        }
        return staff;
    }
}
