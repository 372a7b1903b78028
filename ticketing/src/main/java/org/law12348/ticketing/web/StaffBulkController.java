package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketAssignments;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.TicketStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One action on many tickets. Each ticket is decided in a transaction of its own through the same
 * service call as the single action, so it is checked, audited and timelined one by one, and one
 * refusal leaves the others done.
 */
@RestController
@Tag(name = "staff-tickets")
class StaffBulkController {

    static final int MAX_NUMBERS = 200;
    private static final Logger log = LoggerFactory.getLogger(StaffBulkController.class);

    enum BulkAction { REASSIGN, CLOSE, ASSIGN }

    @Schema(description = "批量操作：工单编号（1-200个）、操作（REASSIGN 转派，CLOSE 办结，ASSIGN 指派）及其参数")
    record BulkBody(List<String> numbers, String action, String unitCode, String assignee, String reason) {
    }

    @Schema(description = "一件工单的结果：成功，或失败的原因（problem）")
    record BulkResult(String number, boolean ok, ProblemDetail problem) {
    }

    @Schema(description = "批量操作的结果，按提交顺序")
    record BulkResults(List<BulkResult> results) {
    }

    private final TicketService service;
    private final TicketAssignments assignments;
    private final CurrentStaff currentStaff;
    private final ApiProblems problems;

    StaffBulkController(TicketService service, TicketAssignments assignments, CurrentStaff currentStaff,
                        ApiProblems problems) {
        this.service = service;
        this.assignments = assignments;
        this.currentStaff = currentStaff;
        this.problems = problems;
    }

    @PostMapping("/api/v1/staff/tickets/bulk")
    @Operation(summary = "批量转派、办结或指派", description = "逐件处理、逐件审计，每件给出结果。转派：调度员、管理员；"
            + "办结、指派：承办人（本单位）、调度员、管理员")
    BulkResults bulk(@RequestBody(required = false) BulkBody body) {
        StaffMember staff = currentStaff.require();
        BulkAction action = action(body);
        requireRole(staff, action);
        Set<String> numbers = numbers(body);
        if (action == BulkAction.REASSIGN && (body.unitCode() == null || body.unitCode().isBlank())) {
            throw new InvalidInputException("unitCode", "field.required", "请选择转派的承办单位");
        }
        List<BulkResult> results = new ArrayList<>(numbers.size());
        for (String number : numbers) {
            results.add(decide(number, action, body, staff));
        }
        return new BulkResults(results);
    }

    private BulkResult decide(String number, BulkAction action, BulkBody body, StaffMember staff) {
        try {
            if (!TicketNumber.isWellFormed(number)) {
                throw new TicketNotFoundException(number);
            }
            switch (action) {
                case REASSIGN -> service.reassign(number, body.unitCode(), body.reason(), staff);
                case CLOSE -> service.close(number, body.reason(), staff);
                case ASSIGN -> assignments.assign(number, body.assignee(), staff);
            }
            return new BulkResult(number, true, null);
        } catch (InvalidInputException e) {
            return new BulkResult(number, false, problems.invalid(e).getBody());
        } catch (TicketNotFoundException e) {
            return new BulkResult(number, false, problems.notFound(e).getBody());
        } catch (TicketStateException e) {
            return new BulkResult(number, false, problems.conflict(e).getBody());
        } catch (AccessDeniedException e) {
            return new BulkResult(number, false, problems.forbidden(e).getBody());
        } catch (ConcurrencyFailureException e) {
            return new BulkResult(number, false, ApiProblems.problem(HttpStatus.CONFLICT, "ticket.changedMeanwhile",
                    "工单刚被他人修改，请刷新后重试", null));
        } catch (RuntimeException e) {
            // one ticket's failure must not hide what was already done to the others
            log.error("Bulk {} failed on ticket {}", action, number, e);
            return new BulkResult(number, false, ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                    "bulk.failed", "处理失败，请稍后重试", null));
        }
    }

    private static BulkAction action(BulkBody body) {
        String raw = body == null || body.action() == null ? "" : body.action().strip().toUpperCase(Locale.ROOT);
        try {
            return BulkAction.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("action", "action.unknown", "请选择转派、办结或指派");
        }
    }

    /** The numbers in the order given, each once and in upper case (numbers are typed in any case). */
    private static Set<String> numbers(BulkBody body) {
        if (body.numbers() == null || body.numbers().isEmpty() || body.numbers().size() > MAX_NUMBERS) {
            throw new InvalidInputException("numbers", "numbers.count", "请选择1到" + MAX_NUMBERS + "件工单");
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (String n : body.numbers()) {
            if (n == null || n.isBlank() || n.length() > 40) {
                throw new InvalidInputException("numbers", "numbers.malformed", "工单编号不能为空或过长");
            }
            numbers.add(n.strip().toUpperCase(Locale.ROOT));
        }
        return numbers;
    }

    private static void requireRole(StaffMember staff, BulkAction action) {
        boolean allowed = action == BulkAction.REASSIGN ? staff.hasRole(StaffRole.DISPATCHER, StaffRole.ADMIN)
                : staff.hasRole(StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN);
        if (!allowed) {
            throw new AccessDeniedException("你的角色不能执行该批量操作");
        }
    }
}
