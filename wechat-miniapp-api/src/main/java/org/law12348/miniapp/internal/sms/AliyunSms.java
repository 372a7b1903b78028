package org.law12348.miniapp.internal.sms;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponse;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.law12348.miniapp.MiniappProperties;
import org.law12348.miniapp.internal.ChannelProblem;
import org.law12348.miniapp.internal.notify.Delivery;
import org.law12348.ticketing.CitizenNotice;
import org.law12348.ticketing.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * The SMS adapter: Alibaba Cloud's {@code SendSms} through its own SDK (requests signed with
 * ACS3-HMAC-SHA256). SDK types stay in here. Without an AccessKey pair and a signature name every
 * call answers 503 and notices are skipped. Neither codes nor numbers are ever logged in the clear.
 */
@Component
public class AliyunSms {

    static final String PLATFORM = "短信";
    private static final Logger log = LoggerFactory.getLogger(AliyunSms.class);
    /** Alibaba Cloud's flow control: the number got too many messages (per minute, hour or day). */
    private static final Set<String> THROTTLED = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL",
            "isv.MONTH_LIMIT_CONTROL");
    private static final Set<String> BAD_NUMBER = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT",
            "isv.BLACK_KEY_CONTROL_LIMIT");

    /** What Alibaba Cloud answered to one SendSms. */
    enum Answer {
        SENT, THROTTLED, BAD_NUMBER, REFUSED, UNREACHABLE
    }

    private record Outcome(Answer answer, String detail) {
    }

    private final Client client;
    private final MiniappProperties.Sms settings;
    private final ObjectMapper json;

    public AliyunSms(MiniappProperties properties, ObjectMapper json) {
        this.settings = properties.sms();
        this.json = json;
        this.client = settings.configured() ? create(settings) : null;
    }

    private static Client create(MiniappProperties.Sms settings) {
        Config config = new Config()
                .setAccessKeyId(settings.accessKeyId())
                .setAccessKeySecret(settings.accessKeySecret())
                .setEndpoint(settings.endpoint())
                .setProtocol(settings.protocol())
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
        try {
            return new Client(config);
        } catch (Exception e) {
            throw new IllegalStateException("Alibaba Cloud SMS settings are invalid: " + e.getMessage(), e);
        }
    }

    public boolean configured() {
        return client != null;
    }

    /** Sends a one-time sign-in code now; the citizen waits for it, so a failure is their answer. */
    public void sendCode(PhoneNumber phone, String code) {
        String template = settings.templates().signInCode();
        if (client == null || template.isBlank()) {
            throw ChannelProblem.notConfigured(PLATFORM);
        }
        Outcome outcome = send(phone.value(), template, Map.of("code", code));
        switch (outcome.answer()) {
            case SENT -> log.info("Sign-in code sent to {}", phone.masked());
            case THROTTLED -> throw new ChannelProblem(HttpStatus.TOO_MANY_REQUESTS, "sms.numberLimit",
                    "该号码接收短信过于频繁，请稍后再试", "phone");
            case BAD_NUMBER -> throw new ChannelProblem(HttpStatus.BAD_REQUEST, "sms.numberRefused",
                    "该号码无法接收短信，请核对手机号", "phone");
            case REFUSED -> throw ChannelProblem.notConfigured(PLATFORM);
            case UNREACHABLE -> throw ChannelProblem.busy(PLATFORM);
        }
    }

    /** Whether notices of this kind go out: the service and the kind's template are configured. */
    public boolean sends(CitizenNotice.Kind kind) {
        return client != null && !templateFor(kind).isBlank();
    }

    private String templateFor(CitizenNotice.Kind kind) {
        MiniappProperties.SmsTemplates t = settings.templates();
        return switch (kind) {
            case ACCEPTED -> t.accepted();
            case ANSWERED -> t.answered();
            case CLOSED -> t.closed();
            case CLOCK_REMINDER -> t.reminder();
        };
    }

    /** One attempt at a notice about a ticket (template variable {@code number}). */
    public Delivery sendNotice(String phone, CitizenNotice.Kind kind, String ticketNumber) {
        String template = templateFor(kind);
        if (client == null || template.isBlank()) {
            return Delivery.skip("未配置短信服务或该类通知的短信模板，未发送");
        }
        Outcome outcome = send(phone, template, Map.of("number", ticketNumber));
        return switch (outcome.answer()) {
            case SENT -> Delivery.sent();
            case THROTTLED, UNREACHABLE -> Delivery.retry("短信平台暂未发送：" + outcome.detail());
            case BAD_NUMBER, REFUSED -> Delivery.giveUp("短信平台拒绝发送：" + outcome.detail());
        };
    }

    private Outcome send(String phone, String template, Map<String, String> variables) {
        SendSmsRequest request = new SendSmsRequest()
                .setPhoneNumbers(phone)
                .setSignName(settings.signName())
                .setTemplateCode(template)
                .setTemplateParam(toJson(variables));
        try {
            // the SDK would retry on its own; our callers decide when to try again
            SendSmsResponse response = client.sendSmsWithOptions(request, new RuntimeOptions().setAutoretry(false));
            String code = response.getBody() == null ? null : response.getBody().getCode();
            if ("OK".equals(code)) {
                return new Outcome(Answer.SENT, null);
            }
            String detail = code + " " + (response.getBody() == null ? "" : response.getBody().getMessage());
            log.warn("Alibaba Cloud SMS refused template {}: {}", template, detail);
            if (THROTTLED.contains(code)) {
                return new Outcome(Answer.THROTTLED, detail);
            }
            return new Outcome(BAD_NUMBER.contains(code) ? Answer.BAD_NUMBER : Answer.REFUSED, detail);
        } catch (TeaException refused) {
            // a 4xx/5xx from the API: wrong credentials or signature, or the service failing
            Object status = refused.getData() == null ? null : refused.getData().get("statusCode");
            log.warn("Alibaba Cloud SMS answered {} {}", status, refused.getCode());
            boolean serverSide = status instanceof Number n && n.intValue() >= 500;
            return new Outcome(serverSide ? Answer.UNREACHABLE : Answer.REFUSED, refused.getCode());
        } catch (Exception unreachable) {
            log.warn("Alibaba Cloud SMS unreachable: {}", unreachable.toString());
            return new Outcome(Answer.UNREACHABLE, ChannelProblem.timedOut(unreachable) ? "超时" : "无法连接");
        }
    }

    private String toJson(Map<String, String> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
