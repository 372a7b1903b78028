package org.law12348.consultation.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.law12348.consultation.Consultant;
import org.law12348.consultation.ConsultationAnswer;
import org.law12348.consultation.LicenceDocuments;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.Ticket;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** JSON shapes of consultants, claims and answers. */
@Component
class ConsultationViews {

    @Schema(description = "咨询师资格")
    record ConsultantView(String username, String qualification, String qualificationName, String licenceNumber,
                          String regionCode, String regionName, List<String> businessTypes, List<String> categories,
                          String statement, String status, String statusName, String validUntil,
                          List<DecisionView> decisions,
                          @Schema(description = "姓名（账户的显示名）") String displayName,
                          @Schema(description = "最近一次提交申请的时间") Instant appliedAt,
                          @Schema(description = "注册时上传的执业证照片或扫描件") List<DocumentView> documents) {
    }

    @Schema(description = "执业证照片或扫描件（不含内容）")
    record DocumentView(String id, String name, long size,
                        @Schema(example = "image/jpeg") String contentType) {
    }

    @Schema(description = "资格审核记录")
    record DecisionView(String decision, String by, String reason, Instant at) {
    }

    @Schema(description = "认领结果")
    record ClaimView(String number, String status, String assignee, Instant claimedAt) {
    }

    @Schema(description = "答复")
    record AnswerView(long id, String ticketNumber, String consultant, String text, List<String> citedArticles,
                      Instant answeredAt, String reviewStatus) {
    }

    private final Regions regions;
    private final StaffAccounts accounts;
    private final LicenceDocuments documents;

    ConsultationViews(Regions regions, StaffAccounts accounts, LicenceDocuments documents) {
        this.documents = documents;
        this.regions = regions;
        this.accounts = accounts;
    }

    ConsultantView consultant(Consultant c) {
        return new ConsultantView(c.username(), c.qualification().name(), c.qualification().chineseName(),
                c.licenceNumber(), c.region().value(), regions.fullName(c.region()),
                c.businessTypes().stream().map(Enum::name).toList(), c.categories().stream().map(Enum::name).toList(),
                c.statement(), c.status().name(), c.status().chineseName(),
                c.validUntil() == null ? null : c.validUntil().toString(),
                c.decisions().stream().map(d -> new DecisionView(d.decision(), d.decidedBy(), d.reason(),
                        d.decidedAt())).toList(),
                accounts.findById(c.username()).map(StaffAccount::displayName).orElse(c.username()), c.appliedAt(),
                documents.of(c.username()).stream().map(d -> new DocumentView(d.id().toString(), d.name(), d.size(),
                        d.contentType())).toList());
    }

    ClaimView claim(Ticket t) {
        return new ClaimView(t.number(), t.status().name(), t.assignee(), t.claimedAt());
    }

    AnswerView answer(ConsultationAnswer a) {
        return new AnswerView(a.id(), a.ticketNumber(), a.consultant(), a.text(), a.citedArticles(), a.answeredAt(),
                a.reviewStatus().name());
    }
}
