package org.law12348.consultation;

/** Where a consultant's certification stands. Only CERTIFIED (and not expired) may claim or answer. */
public enum CertificationStatus {
    APPLIED("待审核"),
    CERTIFIED("已认证"),
    REJECTED("未通过"),
    SUSPENDED("已暂停"),
    REVOKED("已撤销");

    private final String chineseName;

    CertificationStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
