package org.law12348.miniapp.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.law12348.miniapp.internal.Masks;
import org.law12348.miniapp.internal.alipay.AlipayGateway;
import org.law12348.miniapp.internal.alipay.AlipayPhoneNumbers;
import org.law12348.miniapp.internal.citizen.CitizenDirectory;
import org.law12348.miniapp.internal.citizen.MiniappCitizen;
import org.law12348.miniapp.internal.session.SessionRejectedException;
import org.law12348.miniapp.internal.session.SessionTokens;
import org.law12348.miniapp.internal.sms.SignInCodes;
import org.law12348.miniapp.internal.wechat.WechatClient;
import org.law12348.miniapp.internal.wechat.WechatIdentity;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Sign-in with a platform's login code, and binding the phone number the platform verified; on the web,
 * sign-in with a phone number and the one-time code sent to it by SMS.
 */
@RestController
@RequestMapping(path = "/api/v1/miniapp", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "miniapp", description = "微信、支付宝小程序")
class SignInController {

    private static final Logger log = LoggerFactory.getLogger(SignInController.class);

    record WechatSignIn(String code) {
    }

    record AlipaySignIn(String authCode) {
    }

    record PhoneCode(String code) {
    }

    record AlipayPhone(String response) {
    }

    record Session(String token, Instant expiresAt, String channel, boolean phoneBound) {
    }

    record BoundPhone(String phone) {
    }

    record SmsCodeRequest(String phone) {
    }

    record SmsCodeSent(String phone, Instant resendAfter, Instant expiresAt) {
    }

    record SmsSignIn(String phone, String code) {
    }

    private final WechatClient wechat;
    private final AlipayGateway alipay;
    private final AlipayPhoneNumbers alipayPhones;
    private final CitizenDirectory directory;
    private final SessionTokens tokens;
    private final CurrentCitizen current;
    private final SignInCodes codes;

    SignInController(WechatClient wechat, AlipayGateway alipay, AlipayPhoneNumbers alipayPhones,
                     CitizenDirectory directory, SessionTokens tokens, CurrentCitizen current, SignInCodes codes) {
        this.codes = codes;
        this.wechat = wechat;
        this.alipay = alipay;
        this.alipayPhones = alipayPhones;
        this.directory = directory;
        this.tokens = tokens;
        this.current = current;
    }

    @PostMapping(path = "/wechat/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "微信登录：wx.login 的 code 换取会话令牌")
    Session wechatSignIn(@RequestBody(required = false) WechatSignIn body) {
        String code = requireCode(body == null ? null : body.code(), "code");
        WechatIdentity identity = wechat.signIn(code);
        MiniappCitizen citizen = directory.wechat(identity.openId(), identity.unionId());
        log.info("WeChat citizen {} signed in", Masks.id(identity.openId()));
        return session(citizen, Channel.WECHAT);
    }

    @PostMapping(path = "/alipay/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "支付宝登录：my.getAuthCode 的 authCode 换取会话令牌")
    Session alipaySignIn(@RequestBody(required = false) AlipaySignIn body) {
        String code = requireCode(body == null ? null : body.authCode(), "authCode");
        String userId = alipay.signIn(code);
        MiniappCitizen citizen = directory.alipay(userId);
        log.info("Alipay citizen {} signed in", Masks.id(userId));
        return session(citizen, Channel.ALIPAY);
    }

    @PostMapping(path = "/sms/codes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "网页登录第一步：向手机号发送短信验证码")
    SmsCodeSent smsCode(@RequestBody(required = false) SmsCodeRequest body, HttpServletRequest request) {
        PhoneNumber phone = requirePhone(body == null ? null : body.phone());
        SignInCodes.Issued issued = codes.send(phone, request.getRemoteAddr());
        return new SmsCodeSent(phone.masked(), issued.resendAfter(), issued.expiresAt());
    }

    @PostMapping(path = "/sms/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "网页登录第二步：手机号和短信验证码换取会话令牌，可查看该号码的全部咨询")
    Session smsSignIn(@RequestBody(required = false) SmsSignIn body) {
        PhoneNumber phone = requirePhone(body == null ? null : body.phone());
        String code = body.code();
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "field.required", "请输入短信验证码");
        }
        if (!code.strip().matches("\\d{6}")) {
            throw new InvalidInputException("code", "field.invalid", "验证码是6位数字");
        }
        codes.use(phone, code.strip());
        MiniappCitizen citizen = directory.sms(phone);
        log.info("Web citizen {} signed in by SMS code", phone.masked());
        return session(citizen, Channel.WEB);
    }

    @PostMapping(path = "/wechat/phone", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "绑定微信手机号：getPhoneNumber 按钮返回的 code")
    BoundPhone wechatPhone(@RequestHeader(name = "Authorization", required = false) String authorization,
                           @RequestBody(required = false) PhoneCode body) {
        CurrentCitizen.Caller caller = requireChannel(authorization, Channel.WECHAT);
        PhoneNumber phone = wechat.phoneNumber(requireCode(body == null ? null : body.code(), "code"));
        return bind(caller, phone);
    }

    @PostMapping(path = "/alipay/phone", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "绑定支付宝手机号：my.getPhoneNumber 返回的加密 response 字符串")
    BoundPhone alipayPhone(@RequestHeader(name = "Authorization", required = false) String authorization,
                           @RequestBody(required = false) AlipayPhone body) {
        CurrentCitizen.Caller caller = requireChannel(authorization, Channel.ALIPAY);
        PhoneNumber phone = alipayPhones.decrypt(body == null ? null : body.response());
        return bind(caller, phone);
    }

    private BoundPhone bind(CurrentCitizen.Caller caller, PhoneNumber phone) {
        directory.bindPhone(caller.citizen().id(), phone);
        log.info("Citizen {} bound phone {}", caller.citizen().id(), phone.masked());
        return new BoundPhone(phone.masked());
    }

    private CurrentCitizen.Caller requireChannel(String authorization, Channel channel) {
        CurrentCitizen.Caller caller = current.require(authorization);
        if (caller.channel() != channel) {
            throw new SessionRejectedException("session.wrongChannel", "当前登录方式不支持此操作");
        }
        return caller;
    }

    private Session session(MiniappCitizen citizen, Channel channel) {
        String token = tokens.issue(citizen.id(), channel);
        return new Session(token, tokens.verify("Bearer " + token).expiresAt(), channel.name(), citizen.phone() != null);
    }

    private static PhoneNumber requirePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            throw new InvalidInputException("phone", "field.required", "请输入手机号");
        }
        try {
            PhoneNumber number = new PhoneNumber(phone.length() > 20 ? "" : phone);
            if (number.isMobile()) {
                return number;
            }
        } catch (InvalidInputException malformed) {
            // answered below, naming this endpoint's field
        }
        throw new InvalidInputException("phone", "field.invalid", "请输入11位手机号");
    }

    private static String requireCode(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "field.required", "缺少登录凭证");
        }
        if (code.length() > 256 || !code.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new InvalidInputException(field, "field.invalid", "登录凭证格式不正确");
        }
        return code;
    }
}
