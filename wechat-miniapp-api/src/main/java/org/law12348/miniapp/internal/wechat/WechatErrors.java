package org.law12348.miniapp.internal.wechat;

import org.law12348.miniapp.internal.ChannelProblem;
import org.law12348.miniapp.internal.notify.Delivery;

/** WeChat's error codes (developers.weixin.qq.com, 全局返回码) and what each means for us. */
final class WechatErrors {

    static final int BUSY = -1;
    static final int INVALID_CREDENTIAL = 40001;
    static final int INVALID_OPENID = 40003;
    static final int INVALID_APPID = 40013;
    static final int INVALID_CODE = 40029;
    static final int INVALID_TEMPLATE = 40037;
    static final int INVALID_SECRET = 40125;
    static final int CODE_USED = 40163;
    static final int IP_NOT_WHITELISTED = 40164;
    static final int HIGH_RISK_USER = 40226;
    static final int ACCESS_TOKEN_EXPIRED = 42001;
    static final int USER_REFUSED = 43101;
    static final int DAILY_LIMIT = 45009;
    static final int FREQUENCY_LIMIT = 45011;
    static final int TEMPLATE_DATA_INVALID = 47003;
    static final int RISKY_CONTENT = 87014;

    private WechatErrors() {
    }

    static ChannelProblem problemOf(int errcode) {
        return switch (errcode) {
            case INVALID_CODE -> ChannelProblem.signInRejected("signIn.codeInvalid", "登录凭证无效或已过期，请重新登录");
            case CODE_USED -> ChannelProblem.signInRejected("signIn.codeUsed", "登录凭证已被使用，请重新登录");
            case HIGH_RISK_USER -> ChannelProblem.signInRejected("signIn.userBlocked", "微信判定当前账号存在风险，暂时无法登录");
            case RISKY_CONTENT -> WechatClient.contentRejected("text");
            case BUSY, FREQUENCY_LIMIT, DAILY_LIMIT -> ChannelProblem.busy(WechatClient.PLATFORM);
            case INVALID_APPID, INVALID_SECRET, IP_NOT_WHITELISTED, INVALID_CREDENTIAL, ACCESS_TOKEN_EXPIRED ->
                    ChannelProblem.busy(WechatClient.PLATFORM);
            default -> ChannelProblem.platformError(WechatClient.PLATFORM);
        };
    }

    static Delivery deliveryOf(int errcode) {
        return switch (errcode) {
            case USER_REFUSED -> Delivery.giveUp("市民未授权或已用完订阅次数（43101）");
            case INVALID_OPENID -> Delivery.giveUp("openid 无效（40003）");
            case INVALID_TEMPLATE -> Delivery.giveUp("模板 id 无效（40037）");
            case TEMPLATE_DATA_INVALID -> Delivery.giveUp("模板参数不正确（47003）");
            default -> Delivery.retry("微信返回错误码 " + errcode);
        };
    }
}
