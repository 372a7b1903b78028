package org.law12348.consultation;

/** The qualifications that make someone eligible to answer online legal questions. */
public enum QualificationType {
    PRACTISING_LAWYER("执业律师"),
    GRASSROOTS_LEGAL_WORKER("基层法律服务工作者"),
    NOTARY("公证员"),
    FORENSIC_APPRAISER("司法鉴定人"),
    PEOPLES_MEDIATOR("人民调解员");

    private final String chineseName;

    QualificationType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
