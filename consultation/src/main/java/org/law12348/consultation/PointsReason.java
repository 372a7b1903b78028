package org.law12348.consultation;

/** Why points moved. Each reason is credited at most once per answer (a database rule). */
public enum PointsReason {
    ANSWER("答复问题"),
    FAST_ANSWER_BONUS("快速答复奖励"),
    HIGH_RATING_BONUS("好评奖励"),
    ACCEPTED_BONUS("问题解决奖励"),
    REVIEW_REVERSAL("复核不通过扣回");

    private final String chineseName;

    PointsReason(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
