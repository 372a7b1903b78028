package org.law12348.consultation;

/** Quality review of an answer: none asked, flagged and waiting, upheld, or rejected. */
public enum ReviewStatus {
    NONE("无"),
    FLAGGED("待复核"),
    UPHELD("复核通过"),
    REJECTED("复核不通过");

    private final String chineseName;

    ReviewStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
