package org.law12348.consultation;

import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TextRules;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/** Dispatchers and administrators flag answers for quality review; a reviewer upholds or rejects them. */
@Service
public class AnswerReview {

    private final ConsultationAnswers answers;
    private final PointsLedger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AnswerReview(ConsultationAnswers answers, PointsLedger ledger, TransactionTemplate transactions, Clock clock) {
        this.answers = answers;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public ConsultationAnswer flag(long answerId, String reason, StaffMember staff) {
        if (!staff.hasRole(StaffRole.DISPATCHER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有调度员和管理员可以发起答复复核");
        }
        ConsultationAnswer answer = find(answerId);
        answer.flag(staff.username(), reason(reason));
        return answer;
    }

    /** Decides a flagged answer; points follow in their own transactions after this one commits. */
    public ConsultationAnswer review(long answerId, boolean upheld, String reason, StaffMember staff) {
        ConsultationAnswer decided = transactions.execute(status -> decide(answerId, upheld, reason, staff));
        if (upheld) {
            ledger.reviewUpheld(decided);
        } else {
            ledger.reviewRejected(decided);
        }
        return decided;
    }

    @Transactional(readOnly = true)
    public List<ConsultationAnswer> flagged() {
        return answers.findByReviewStatusOrderByIdAsc(ReviewStatus.FLAGGED);
    }

    private ConsultationAnswer decide(long answerId, boolean upheld, String reason, StaffMember staff) {
        if (!staff.hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有管理员可以复核答复");
        }
        ConsultationAnswer answer = find(answerId);
        answer.review(upheld, staff.username(), reason(reason), clock.instant());
        return answers.saveAndFlush(answer);
    }

    private ConsultationAnswer find(long id) {
        return answers.findById(id)
                .orElseThrow(() -> new InvalidInputException("answerId", "answer.unknown", "答复不存在"));
    }

    private static String reason(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.length() < 2 || value.length() > 500 || TextRules.hasControlCharacters(value, true)) {
            throw new InvalidInputException("reason", "reason.invalid", "请填写2-500字的理由");
        }
        return value;
    }
}
