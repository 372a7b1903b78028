package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.SavedQueueViews;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Each staff member's saved queue filters; nobody sees another person's. */
@RestController
@RequestMapping("/api/v1/staff/views")
@Tag(name = "staff-tickets")
class SavedViewController {

    @Schema(description = "保存的队列视图：名称（1-40字，本人的视图中不重名）和工单列表的查询参数"
            + "（regionCode businessType kind status channel handlingUnit queue assignee deadline "
            + "legalDeadlineWithinDays q sort direction）")
    record ViewBody(String name, Map<String, String> filters) {
    }

    private final SavedQueueViews views;
    private final CurrentStaff currentStaff;

    SavedViewController(SavedQueueViews views, CurrentStaff currentStaff) {
        this.views = views;
        this.currentStaff = currentStaff;
    }

    @GetMapping
    @Operation(summary = "我保存的队列视图", description = "承办人、调度员、管理员")
    List<SavedQueueViews.SavedView> list() {
        return views.of(currentStaff.require());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "保存队列视图")
    SavedQueueViews.SavedView create(@RequestBody(required = false) ViewBody body) {
        return views.create(body == null ? null : body.name(), body == null ? null : body.filters(),
                currentStaff.require());
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改队列视图")
    SavedQueueViews.SavedView update(@PathVariable long id, @RequestBody(required = false) ViewBody body) {
        return views.update(id, body == null ? null : body.name(), body == null ? null : body.filters(),
                currentStaff.require());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除队列视图")
    void delete(@PathVariable long id) {
        views.delete(id, currentStaff.require());
    }
}
