package org.law12348.ticketing;

/** The nine services of the 12348 public legal-service platforms, with the names citizens see. */
public enum BusinessType {
    LEGAL_CONSULTATION("法律咨询"),
    LAWYER_SERVICE("律师服务"),
    NOTARIZATION("公证"),
    LEGAL_AID("法律援助"),
    MEDIATION("人民调解"),
    FORENSIC_APPRAISAL("司法鉴定"),
    ARBITRATION("仲裁"),
    LEGAL_EDUCATION("法治宣传"),
    COMPLAINT("投诉建议");

    private final String chineseName;

    BusinessType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
