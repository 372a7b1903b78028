package org.law12348.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of online consultation ({@code law12348.consultation.*}).
 *
 * @param claimTimeout       how long a claim may stay unanswered before the question returns to the pool
 * @param minAnswerLength    the shortest answer accepted, in characters
 * @param provinceWidePool   consultants see the whole province's questions, not only their city's
 * @param answerPoints       points for an answer once it is final
 * @param fastAnswerBonus    bonus when the first answer came within {@code fastAnswerWindow} of the question
 * @param fastAnswerWindow   what "fast" means (default 2 hours)
 * @param highRatingBonus    bonus when the citizen rated 4 or 5
 * @param acceptedBonus      bonus when the citizen said the answer solved the problem
 */
@ConfigurationProperties("law12348.consultation")
public record ConsultationProperties(Duration claimTimeout, Integer minAnswerLength, Boolean provinceWidePool,
                                     Integer answerPoints, Integer fastAnswerBonus, Duration fastAnswerWindow,
                                     Integer highRatingBonus, Integer acceptedBonus) {

    public ConsultationProperties {
        claimTimeout = claimTimeout == null ? Duration.ofHours(2) : claimTimeout;
        minAnswerLength = minAnswerLength == null ? 20 : minAnswerLength;
        provinceWidePool = provinceWidePool == null || provinceWidePool;
        answerPoints = answerPoints == null ? 10 : answerPoints;
        fastAnswerBonus = fastAnswerBonus == null ? 5 : fastAnswerBonus;
        fastAnswerWindow = fastAnswerWindow == null ? Duration.ofHours(2) : fastAnswerWindow;
        highRatingBonus = highRatingBonus == null ? 5 : highRatingBonus;
        acceptedBonus = acceptedBonus == null ? 5 : acceptedBonus;
    }
}
