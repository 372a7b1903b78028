package org.law12348.ticketing;

/** Kinds of handling units a ticket can be routed to. */
public enum UnitType {
    PROVINCIAL_CENTER("省级12348中心"),
    PLATFORM_12348("12348公共法律服务平台"),
    LEGAL_AID_CENTER("法律援助中心"),
    NOTARY_OFFICE("公证处"),
    MEDIATION_COMMITTEE("人民调解委员会"),
    PUBLIC_LEGAL_SERVICE_CENTER("公共法律服务中心"),
    OUTSOURCED("外包服务单位");

    private final String chineseName;

    UnitType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
