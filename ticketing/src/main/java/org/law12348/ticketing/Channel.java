package org.law12348.ticketing;

/** Where a ticket came in; replies go back the same way. */
public enum Channel {
    PHONE("12348热线"),
    WEB("网上服务大厅"),
    WECHAT("微信小程序"),
    ALIPAY("支付宝小程序");

    private final String chineseName;

    Channel(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
