package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketAssignments;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.TicketService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** Who works which ticket: the people to pick from and the assignment. */
@RestController
@Tag(name = "staff-tickets")
class StaffAssignmentController {

    @Schema(description = "可指派的工作人员")
    record MemberView(String username, String displayName, String role, String unitCode) {
    }

    @Schema(description = "指派：工作人员账号，me 表示自己，空表示取消指派")
    record AssigneeBody(String username) {
    }

    private final TicketAssignments assignments;
    private final TicketService service;
    private final TicketViews views;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    StaffAssignmentController(TicketAssignments assignments, TicketService service, TicketViews views,
                              CurrentStaff currentStaff, Clock clock) {
        this.assignments = assignments;
        this.service = service;
        this.views = views;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    @GetMapping("/api/v1/staff/members")
    @Operation(summary = "可指派的工作人员", description = "承办人只能查看本单位的；调度员、管理员可查看全部或某一单位的"
            + "（调度员、管理员可承办任何单位的工单，也在其中）")
    List<MemberView> members(@Parameter(description = "承办单位编码（可空）") @RequestParam(required = false) String unit) {
        StaffMember staff = currentStaff.require();
        return assignments.members(unit, staff).stream()
                .map(a -> new MemberView(a.username(), a.displayName(), a.role().name(), a.unitCode())).toList();
    }

    @PostMapping("/api/v1/staff/tickets/{number}/assignee")
    @Operation(summary = "指派工单承办人", description = "承办人（本单位）、调度员、管理员；只能指派给本单位承办人或调度员、管理员")
    TicketViews.TicketView assign(@PathVariable String number, @RequestBody(required = false) AssigneeBody body) {
        StaffMember staff = currentStaff.require();
        if (!TicketNumber.isWellFormed(number)) {
            throw new TicketNotFoundException(number);
        }
        Ticket changed = assignments.assign(number, body == null ? null : body.username(), staff);
        return views.forStaff(service.view(changed.number(), staff), staff, clock.instant());
    }
}
