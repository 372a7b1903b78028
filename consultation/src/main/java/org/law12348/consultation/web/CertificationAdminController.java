package org.law12348.consultation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.consultation.AnswerReview;
import org.law12348.consultation.CertificationService;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Certification decisions (ADMIN), answer quality review (DISPATCHER flags, ADMIN decides), sign-up. */
@RestController
@Tag(name = "certification", description = "咨询师资格审核与答复复核")
class CertificationAdminController {

    @Schema(description = "批准：validUntil 如 2027-12-31")
    record ApproveBody(String validUntil) {
    }

    @Schema(description = "理由（2-500字）")
    record ReasonBody(String reason) {
    }

    @Schema(description = "复核结论：upheld=true 维持，false 不通过")
    record ReviewBody(Boolean upheld, String reason) {
    }

    @Schema(description = "咨询师注册：账号信息和资格申请")
    record RegistrationBody(String username, String password, String displayName,
                            CertificationService.ApplicationForm application,
                            @Schema(description = "先上传的执业证照片的 documentId，最多3个") List<String> documentIds) {
    }

    private final CertificationService certification;
    private final AnswerReview review;
    private final ConsultationViews views;
    private final CurrentStaff currentStaff;

    CertificationAdminController(CertificationService certification, AnswerReview review, ConsultationViews views,
                                 CurrentStaff currentStaff) {
        this.certification = certification;
        this.review = review;
        this.views = views;
        this.currentStaff = currentStaff;
    }

    @PostMapping("/api/v1/consultant-registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "志愿咨询师注册并提交资格申请（公开）")
    ConsultationViews.ConsultantView register(@RequestBody RegistrationBody body) {
        if (body == null) {
            throw new InvalidInputException("body", "body.missing", "请求体不能为空");
        }
        return views.consultant(certification.register(body.username(), body.password(), body.displayName(),
                body.application(), body.documentIds()));
    }

    @GetMapping("/api/v1/admin/consultants")
    @Operation(summary = "全部资格申请与认证（管理员）")
    List<ConsultationViews.ConsultantView> all() {
        admin();
        return certification.all().stream().map(views::consultant).toList();
    }

    @PostMapping("/api/v1/admin/consultants/{username}/approve")
    @Operation(summary = "批准认证，设定有效期")
    ConsultationViews.ConsultantView approve(@PathVariable String username, @RequestBody ApproveBody body) {
        LocalDate until;
        try {
            until = LocalDate.parse(body == null || body.validUntil() == null ? "" : body.validUntil().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("validUntil", "validUntil.invalid", "有效期格式应为 2027-12-31");
        }
        return views.consultant(certification.approve(username, until, admin().username()));
    }

    @PostMapping("/api/v1/admin/consultants/{username}/reject")
    @Operation(summary = "驳回申请")
    ConsultationViews.ConsultantView reject(@PathVariable String username, @RequestBody ReasonBody body) {
        return views.consultant(certification.reject(username, reason(body), admin().username()));
    }

    @PostMapping("/api/v1/admin/consultants/{username}/suspend")
    @Operation(summary = "暂停认证")
    ConsultationViews.ConsultantView suspend(@PathVariable String username, @RequestBody ReasonBody body) {
        return views.consultant(certification.suspend(username, reason(body), admin().username()));
    }

    @PostMapping("/api/v1/admin/consultants/{username}/revoke")
    @Operation(summary = "撤销认证")
    ConsultationViews.ConsultantView revoke(@PathVariable String username, @RequestBody ReasonBody body) {
        return views.consultant(certification.revoke(username, reason(body), admin().username()));
    }

    @PostMapping("/api/v1/staff/answers/{id}/flag")
    @Operation(summary = "标记答复待复核（调度员、管理员）")
    ConsultationViews.AnswerView flag(@PathVariable long id, @RequestBody ReasonBody body) {
        return views.answer(review.flag(id, reason(body), currentStaff.require()));
    }

    @PostMapping("/api/v1/staff/answers/{id}/review")
    @Operation(summary = "复核答复（管理员）：维持或不通过（不通过将扣回积分）")
    ConsultationViews.AnswerView decide(@PathVariable long id, @RequestBody ReviewBody body) {
        if (body == null || body.upheld() == null) {
            throw new InvalidInputException("upheld", "field.required", "请给出复核结论");
        }
        return views.answer(review.review(id, body.upheld(), body.reason(), currentStaff.require()));
    }

    @GetMapping("/api/v1/staff/answers/flagged")
    @Operation(summary = "待复核的答复")
    List<ConsultationViews.AnswerView> flagged() {
        return review.flagged().stream().map(views::answer).toList();
    }

    private StaffMember admin() {
        StaffMember staff = currentStaff.require();
        if (!staff.hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有管理员可以审核咨询师资格");
        }
        return staff;
    }

    private static String reason(ReasonBody body) {
        return body == null ? null : body.reason();
    }
}
