package org.law12348.miniapp.internal.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import jakarta.annotation.PreDestroy;
import me.chanjar.weixin.common.error.WxErrorException;
import org.law12348.miniapp.MiniappProperties;
import org.law12348.miniapp.internal.ChannelProblem;
import org.law12348.miniapp.internal.Masks;
import org.law12348.miniapp.internal.notify.Delivery;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;

/**
 * The WeChat adapter: every WxJava call of the channel, with WeChat's error codes turned into our
 * problems. WxJava's types stay in here. Without an AppID and secret every call answers 503.
 */
@Component
public class WechatClient {

    static final String PLATFORM = "微信";
    private static final Logger log = LoggerFactory.getLogger(WechatClient.class);
    /** msg_sec_check v2 scene 2: comments / user-written text. */
    private static final int SCENE_COMMENT = 2;

    private final WechatHttpClient http;
    private final WxMaService service;

    public WechatClient(MiniappProperties properties) {
        MiniappProperties.Wechat settings = properties.wechat();
        this.http = new WechatHttpClient(settings.connectTimeout(), settings.readTimeout());
        this.service = settings.configured() ? create(settings, http) : null;
    }

    private static WxMaService create(MiniappProperties.Wechat settings, WechatHttpClient http) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setApacheHttpClientBuilder(http);
        config.setAppid(settings.appId());
        config.setSecret(settings.secret());
        config.setToken(settings.token());
        config.setAesKey(settings.aesKey());
        config.setMsgDataFormat("JSON");
        if (settings.apiHost() != null && !settings.apiHost().isBlank()) {
            config.setApiHostUrl(settings.apiHost());
        }
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        service.setMaxRetryTimes(settings.retries());
        service.setRetrySleepMillis((int) settings.retrySleep().toMillis());
        return service;
    }

    public boolean configured() {
        return service != null;
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    /** {@code jscode2session}: the code from {@code wx.login} for the citizen's openid. */
    public WechatIdentity signIn(String code) {
        WxMaJscode2SessionResult session = call("jscode2session", () -> service.getUserService().getSessionInfo(code));
        if (session.getOpenid() == null || session.getOpenid().isBlank()) {
            log.warn("WeChat jscode2session answered without an openid");
            throw ChannelProblem.platformError(PLATFORM);
        }
        return new WechatIdentity(session.getOpenid(), blankToNull(session.getUnionid()));
    }

    /** {@code getuserphonenumber}: the code from the getPhoneNumber button for the verified number. */
    public PhoneNumber phoneNumber(String code) {
        WxMaPhoneNumberInfo info = call("getuserphonenumber", () -> service.getUserService().getPhoneNoInfo(code));
        if (info.getCountryCode() != null && !"86".equals(info.getCountryCode())) {
            throw new InvalidInputException("code", "phone.notMainland", "目前仅支持绑定中国大陆手机号码");
        }
        return new PhoneNumber(info.getPurePhoneNumber());
    }

    /** {@code msg_sec_check} v2; text WeChat judges risky is refused with a 400 naming the field. */
    public void checkText(String openId, String field, String text) {
        WxMaMsgSecCheckCheckRequest request = WxMaMsgSecCheckCheckRequest.builder()
                .version("2").openid(openId).scene(SCENE_COMMENT).content(text).build();
        WxMaMsgSecCheckCheckResponse response;
        try {
            response = call("msg_sec_check", () -> service.getSecurityService().checkMessage(request));
        } catch (ChannelProblem e) {
            throw "content.rejected".equals(e.code()) ? contentRejected(field) : e;
        }
        String suggest = response.getResult() == null ? null : response.getResult().getSuggest();
        if ("risky".equals(suggest)) {
            log.info("WeChat content check refused a text of {} (label {})", Masks.id(openId),
                    response.getResult().getLabel());
            throw contentRejected(field);
        }
        if (!"pass".equals(suggest) && !"review".equals(suggest)) {
            log.warn("WeChat content check answered an unknown suggestion {}", suggest);
            throw ChannelProblem.platformError(PLATFORM);
        }
    }

    /** Sends one subscribe message; the answer says whether to retry. */
    public Delivery sendSubscribe(String openId, String templateId, String page, Map<String, String> data) {
        if (service == null) {
            return Delivery.retry("微信小程序未配置");
        }
        WxMaSubscribeMessage message = new WxMaSubscribeMessage();
        message.setToUser(openId);
        message.setTemplateId(templateId);
        message.setPage(page);
        message.setMiniprogramState("formal");
        message.setLang("zh_CN");
        data.forEach((key, value) -> message.addData(new WxMaSubscribeMessage.MsgData(key, value)));
        try {
            service.getSubscribeService().sendSubscribeMsg(message);
            return Delivery.sent();
        } catch (WxErrorException e) {
            return WechatErrors.deliveryOf(e.getError().getErrorCode());
        } catch (RuntimeException e) {
            // WxJava wraps I/O failures (WeChat unreachable, no answer in time) in WxRuntimeException
            log.warn("WeChat subscribe message could not be sent: {}", e.toString());
            return Delivery.retry(ChannelProblem.timedOut(e) ? "微信接口响应超时" : "微信接口无法访问");
        }
    }

    private <T> T call(String api, WechatCall<T> call) {
        if (service == null) {
            throw ChannelProblem.notConfigured("微信小程序");
        }
        try {
            return call.run();
        } catch (WxErrorException e) {
            int errcode = e.getError().getErrorCode();
            log.warn("WeChat {} failed with errcode {}", api, errcode);
            throw WechatErrors.problemOf(errcode);
        } catch (RuntimeException e) {
            // WxJava wraps I/O failures (WeChat unreachable, timeouts) in WxRuntimeException
            log.warn("WeChat {} could not be reached: {}", api, e.toString());
            throw ChannelProblem.unreachable(PLATFORM, e);
        }
    }

    static ChannelProblem contentRejected(String field) {
        return new ChannelProblem(HttpStatus.BAD_REQUEST, "content.rejected",
                "内容含有违法违规信息，未能提交。请修改后重试", field);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @FunctionalInterface
    private interface WechatCall<T> {
        T run() throws WxErrorException;
    }
}
