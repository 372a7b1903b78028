package org.law12348.miniapp.internal.alipay;

import com.alipay.api.AlipayApiException;
import org.law12348.miniapp.internal.ChannelProblem;
import org.law12348.miniapp.internal.notify.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Alipay's public error codes (opendocs.alipay.com, 公共错误码) and what each means for us. */
final class AlipayErrors {

    private static final Logger log = LoggerFactory.getLogger(AlipayErrors.class);
    static final String SERVICE_UNAVAILABLE = "20000";
    static final String INVALID_ARGUMENTS = "40002";

    private AlipayErrors() {
    }

    static ChannelProblem problemOf(String code, String subCode) {
        if (INVALID_ARGUMENTS.equals(code) && subCode != null && subCode.startsWith("isv.code-")) {
            return ChannelProblem.signInRejected("signIn.codeInvalid", "授权码无效或已过期，请重新登录");
        }
        if (SERVICE_UNAVAILABLE.equals(code)) {
            return ChannelProblem.busy(AlipayGateway.PLATFORM);
        }
        return ChannelProblem.platformError(AlipayGateway.PLATFORM);
    }

    /** The SDK throws for transport failures and for responses whose signature does not verify. */
    static ChannelProblem problemOf(String api, AlipayApiException e) {
        String message = e.getErrCode() + " " + e.getErrMsg() + " " + e.getMessage();
        if (message.contains("CHECK_SIGN") || message.contains("sign check fail")) {
            log.error("Alipay {}: the response signature did not verify; check law12348.miniapp.alipay.alipay-public-key",
                    api);
            return ChannelProblem.platformError(AlipayGateway.PLATFORM);
        }
        log.warn("Alipay {} could not be reached: {}", api, failureOf(e));
        return ChannelProblem.unreachable(AlipayGateway.PLATFORM, e);
    }

    /** What went wrong, for the log: the SDK's error message may quote request parameters, the cause's type does not. */
    static String failureOf(AlipayApiException e) {
        return e.getCause() == null ? "AlipayApiException " + e.getErrCode() : e.getCause().getClass().getSimpleName();
    }

    static Delivery deliveryOf(String code, String subCode) {
        if (SERVICE_UNAVAILABLE.equals(code)) {
            return Delivery.retry("支付宝服务不可用（" + subCode + "）");
        }
        return Delivery.giveUp("支付宝拒绝发送（" + code + " " + subCode + "）");
    }
}
