package org.law12348.miniapp.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.miniapp.MiniappProperties;
import org.law12348.miniapp.internal.ChannelProblem;
import org.law12348.miniapp.internal.notify.SendGrants;
import org.law12348.miniapp.internal.session.SessionRejectedException;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.law12348.miniapp.internal.web.MiniappTicketController.AUTH;

/**
 * What the citizen allowed us to send: the result of WeChat's {@code wx.requestSubscribeMessage} and
 * Alipay's {@code my.requestSubscribeMessage} (one message per accepted template; both answer each
 * template id with accept or reject) and Alipay form ids. Without these no notification is sent.
 */
@RestController
@RequestMapping(path = "/api/v1/miniapp", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "miniapp")
class SubscriptionController {

    private static final Pattern FORM_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    record Templates(String accepted, String answered, String closed, String reminder) {
    }

    /**
     * {@code results}: template id → accept/reject/ban, as wx.requestSubscribeMessage and
     * my.requestSubscribeMessage answer each template asked for.
     */
    record SubscribeResults(Map<String, String> results) {
    }

    record Granted(List<String> granted) {
    }

    record AlipayForm(String formId) {
    }

    private final CurrentCitizen current;
    private final SendGrants grants;
    private final MiniappProperties properties;

    SubscriptionController(CurrentCitizen current, SendGrants grants, MiniappProperties properties) {
        this.current = current;
        this.grants = grants;
        this.properties = properties;
    }

    /**
     * The templates to request; one not configured is left out. With none configured there is nothing
     * to subscribe to: a 503 problem says so, rather than blank ids the client would pass to WeChat.
     */
    @GetMapping("/wechat/subscription-templates")
    @Operation(summary = "小程序调用 wx.requestSubscribeMessage 时应请求的模板（未配置的不返回；全部未配置时 503）")
    Templates wechatTemplates() {
        return templates(properties.wechat().templates(), "微信");
    }

    @GetMapping("/alipay/subscription-templates")
    @Operation(summary = "小程序调用 my.requestSubscribeMessage 时应请求的模板（entityIds；未配置的不返回；全部未配置时 503）")
    Templates alipayTemplates() {
        return templates(properties.alipay().templates(), "支付宝");
    }

    private static Templates templates(MiniappProperties.Templates t, String platform) {
        Templates configured = new Templates(idOrNull(t.accepted()), idOrNull(t.answered()), idOrNull(t.closed()),
                idOrNull(t.reminder()));
        if (configured.accepted() == null && configured.answered() == null && configured.closed() == null
                && configured.reminder() == null) {
            throw new ChannelProblem(HttpStatus.SERVICE_UNAVAILABLE, "miniapp.templates.not-configured",
                    platform + "订阅消息尚未开通，暂时不能订阅工单进展通知", null);
        }
        return configured;
    }

    private static String idOrNull(String templateId) {
        return templateId == null || templateId.isBlank() ? null : templateId.strip();
    }

    @PostMapping(path = "/wechat/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "记录订阅授权：把 wx.requestSubscribeMessage 的结果原样提交")
    Granted wechat(@RequestHeader(name = AUTH, required = false) String authorization,
                   @RequestBody(required = false) SubscribeResults body) {
        return grant(requireChannel(authorization, Channel.WECHAT), body, properties.wechat().templates());
    }

    @PostMapping(path = "/alipay/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "记录订阅授权：把 my.requestSubscribeMessage 成功时每个模板的 accept/reject 原样提交")
    Granted alipaySubscriptions(@RequestHeader(name = AUTH, required = false) String authorization,
                                @RequestBody(required = false) SubscribeResults body) {
        return grant(requireChannel(authorization, Channel.ALIPAY), body, properties.alipay().templates());
    }

    /** One message granted per template of this platform the citizen accepted; others are ignored. */
    private Granted grant(CurrentCitizen.Caller caller, SubscribeResults body, MiniappProperties.Templates t) {
        if (body == null || body.results() == null) {
            throw new InvalidInputException("results", "field.required", "缺少订阅结果");
        }
        // not Set.of: kinds left unconfigured are all "", and Set.of refuses duplicates
        Set<String> known = new HashSet<>(List.of(t.accepted(), t.answered(), t.closed(), t.reminder()));
        List<String> granted = new ArrayList<>();
        body.results().forEach((templateId, decision) -> {
            if ("accept".equals(decision) && !templateId.isBlank() && known.contains(templateId)) {
                grants.grantTemplate(caller.citizen().id(), templateId, caller.channel());
                granted.add(templateId);
            }
        });
        return new Granted(granted);
    }

    @PostMapping(path = "/alipay/form-ids", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "记录支付宝 formId（表单提交所得，7天内可发3条模板消息）")
    Granted alipay(@RequestHeader(name = AUTH, required = false) String authorization,
                   @RequestBody(required = false) AlipayForm body) {
        CurrentCitizen.Caller caller = requireChannel(authorization, Channel.ALIPAY);
        String formId = body == null ? null : body.formId();
        if (formId == null || !FORM_ID.matcher(formId).matches()) {
            throw new InvalidInputException("formId", "formId.invalid", "formId 格式不正确");
        }
        grants.grantAlipayForm(caller.citizen().id(), formId);
        return new Granted(List.of(formId));
    }

    private CurrentCitizen.Caller requireChannel(String authorization, Channel channel) {
        CurrentCitizen.Caller caller = current.require(authorization);
        if (caller.channel() != channel) {
            throw new SessionRejectedException("session.wrongChannel", "当前登录方式不支持此操作");
        }
        return caller;
    }
}
