package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.replies.CannedReply;
import org.law12348.ticketing.replies.CannedReplyService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Canned replies per unit: read by whoever answers the unit's tickets, written by its handlers and admins. */
@RestController
@RequestMapping("/api/v1/staff/canned-replies")
@Tag(name = "staff-canned-replies", description = "各承办单位的常用回复")
class CannedReplyController {

    @Schema(description = "常用回复；text 中可用变量 {{citizenName}}（市民姓名）、{{ticketNumber}}（工单编号）、"
            + "{{unitName}}（承办单位名称），插入时由工作台填入")
    record CannedReplyView(long id, String unitCode, String unitName, String title, String text, String updatedBy,
                           Instant updatedAt) {
    }

    @Schema(description = "新建常用回复：单位（承办人可不填，即本单位）、标题（1-40字，单位内不重复）、内容（1-2000字）")
    record CreateBody(String unitCode, String title, String text) {
    }

    @Schema(description = "修改常用回复的标题和内容")
    record UpdateBody(String title, String text) {
    }

    private final CannedReplyService replies;
    private final HandlingUnits units;
    private final CurrentStaff currentStaff;

    CannedReplyController(CannedReplyService replies, HandlingUnits units, CurrentStaff currentStaff) {
        this.replies = replies;
        this.units = units;
        this.currentStaff = currentStaff;
    }

    @GetMapping
    @Operation(summary = "某单位的常用回复", description = "承办人（仅本单位，可不填 unit）、调度员、管理员")
    List<CannedReplyView> list(@RequestParam(required = false) String unit) {
        return replies.list(unit, currentStaff.require()).stream().map(this::view).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建常用回复", description = "承办人（仅本单位）、管理员")
    CannedReplyView create(@RequestBody(required = false) CreateBody body) {
        StaffMember staff = currentStaff.require();
        return view(body == null ? replies.create(null, null, null, staff)
                : replies.create(body.unitCode(), body.title(), body.text(), staff));
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改常用回复", description = "承办人（仅本单位）、管理员")
    CannedReplyView update(@PathVariable String id, @RequestBody(required = false) UpdateBody body) {
        StaffMember staff = currentStaff.require();
        return view(replies.update(id, body == null ? null : body.title(), body == null ? null : body.text(), staff));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除常用回复", description = "承办人（仅本单位）、管理员")
    void delete(@PathVariable String id) {
        replies.delete(id, currentStaff.require());
    }

    private CannedReplyView view(CannedReply r) {
        String unitName = units.findById(r.unitCode()).map(HandlingUnit::name).orElse("（已停用的单位）");
        return new CannedReplyView(r.id(), r.unitCode(), unitName, r.title(), r.text(), r.updatedBy(), r.updatedAt());
    }
}
