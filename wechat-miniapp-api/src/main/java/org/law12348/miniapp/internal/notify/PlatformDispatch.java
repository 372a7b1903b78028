package org.law12348.miniapp.internal.notify;

import org.law12348.miniapp.MiniappProperties;
import org.law12348.miniapp.internal.alipay.AlipayGateway;
import org.law12348.miniapp.internal.sms.AliyunSms;
import org.law12348.miniapp.internal.citizen.MiniappCitizen;
import org.law12348.miniapp.internal.citizen.CitizenDirectory;
import org.law12348.miniapp.internal.wechat.WechatClient;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.CitizenNotice;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt to send a notification through its platform (a text message for the hotline and the web): picks the template of the notice kind,
 * takes a use of what the citizen allowed (a subscribe grant of that template; in Alipay, else a form id) and sends.
 * A notice without a configured template or without the citizen's permission is not sent at all.
 */
@Component
class PlatformDispatch {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    /** WeChat's {@code thing} values take at most 20 characters. */
    private static final int THING_LENGTH = 20;

    private final WechatClient wechat;
    private final AlipayGateway alipay;
    private final SendGrants grants;
    private final CitizenDirectory citizens;
    private final MiniappProperties properties;
    private final AliyunSms sms;
    private final Clock clock;

    PlatformDispatch(WechatClient wechat, AlipayGateway alipay, AliyunSms sms, SendGrants grants,
                     CitizenDirectory citizens, MiniappProperties properties, Clock clock) {
        this.sms = sms;
        this.wechat = wechat;
        this.alipay = alipay;
        this.grants = grants;
        this.citizens = citizens;
        this.properties = properties;
        this.clock = clock;
    }

    Delivery send(MiniappNotification n) {
        if (n.channel() != Channel.WECHAT && n.channel() != Channel.ALIPAY) {
            return sms.sendNotice(n.recipient(), n.kind(), n.ticketNumber());
        }
        boolean viaWechat = n.channel() == Channel.WECHAT;
        MiniappProperties.Templates templates = viaWechat ? properties.wechat().templates()
                : properties.alipay().templates();
        String templateId = templateOf(templates, n.kind());
        if (templateId.isBlank()) {
            return Delivery.skip("未配置该类通知的消息模板，未发送");
        }
        Optional<MiniappCitizen> citizen = viaWechat ? citizens.byWechat(n.recipient())
                : citizens.byAlipay(n.recipient());
        if (citizen.isEmpty()) {
            return Delivery.skip("市民未在小程序登录过，无法发送");
        }
        long citizenId = citizen.get().id();
        Optional<String> grant = grants.takeTemplate(citizenId, templateId);
        // Alipay's older permission: a form id from a form the citizen submitted, for any template
        Optional<String> formId = grant.isPresent() || viaWechat ? Optional.empty() : grants.takeAlipayForm(citizenId);
        if (grant.isEmpty() && formId.isEmpty()) {
            return Delivery.skip(viaWechat ? "市民未订阅该类消息，未发送" : "市民未订阅该类消息，也没有可用的 formId，未发送");
        }
        String page = templates.page().replace("{number}", n.ticketNumber());
        Map<String, String> data = data(templates, n, viaWechat);
        Delivery delivery = viaWechat ? wechat.sendSubscribe(n.recipient(), templateId, page, data)
                : alipay.sendTemplate(n.recipient(), formId.orElse(null), templateId, page, data);
        if (delivery.outcome() == Delivery.Outcome.RETRY) {
            grants.giveBack(citizenId, grant.orElseGet(formId::get));
        }
        return delivery;
    }

    private Map<String, String> data(MiniappProperties.Templates t, MiniappNotification n, boolean viaWechat) {
        int limit = viaWechat ? THING_LENGTH : 100;
        Map<String, String> data = new LinkedHashMap<>();
        data.put(t.numberKey(), n.ticketNumber());
        data.put(t.titleKey(), MiniappNotification.clip(n.title(), limit));
        data.put(t.summaryKey(), MiniappNotification.clip(n.summary(), limit));
        data.put(t.timeKey(), TIME.format(clock.instant()));
        return data;
    }

    private static String templateOf(MiniappProperties.Templates t, CitizenNotice.Kind kind) {
        String id = switch (kind) {
            case ACCEPTED -> t.accepted();
            case ANSWERED -> t.answered();
            case CLOSED -> t.closed();
            case CLOCK_REMINDER -> t.reminder();
        };
        return id == null ? "" : id;
    }
}
