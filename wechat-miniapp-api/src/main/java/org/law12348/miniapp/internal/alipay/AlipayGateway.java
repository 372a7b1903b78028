package org.law12348.miniapp.internal.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayOpenAppMiniTemplatemessageSendModel;
import com.alipay.api.request.AlipayOpenAppMiniTemplatemessageSendRequest;
import com.alipay.api.request.AlipaySystemOauthTokenRequest;
import com.alipay.api.response.AlipayOpenAppMiniTemplatemessageSendResponse;
import com.alipay.api.response.AlipaySystemOauthTokenResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.law12348.miniapp.MiniappProperties;
import org.law12348.miniapp.internal.ChannelProblem;
import org.law12348.miniapp.internal.notify.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Alipay adapter: the open-platform gateway through the Alipay SDK (RSA2 both ways: we sign
 * requests with the app key, the SDK checks Alipay's response signatures). SDK types stay in here.
 * Without an app id and both keys every call answers 503.
 */
@Component
public class AlipayGateway {

    static final String PLATFORM = "支付宝";
    private static final Logger log = LoggerFactory.getLogger(AlipayGateway.class);

    private final AlipayClient client;
    private final ObjectMapper json;

    public AlipayGateway(MiniappProperties properties, ObjectMapper json) {
        this.json = json;
        this.client = properties.alipay().configured() ? create(properties.alipay()) : null;
    }

    private static AlipayClient create(MiniappProperties.Alipay settings) {
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(settings.gatewayUrl());
        config.setAppId(settings.appId());
        config.setPrivateKey(settings.privateKey());
        config.setAlipayPublicKey(settings.alipayPublicKey());
        config.setFormat("json");
        config.setCharset("UTF-8");
        config.setSignType("RSA2");
        config.setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        config.setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
        try {
            return new DefaultAlipayClient(config);
        } catch (AlipayApiException e) {
            throw new IllegalStateException("Alipay client settings are invalid: " + e.getErrMsg(), e);
        }
    }

    public boolean configured() {
        return client != null;
    }

    /** {@code alipay.system.oauth.token}: the authCode from {@code my.getAuthCode} for the user's id. */
    public String signIn(String authCode) {
        if (client == null) {
            throw ChannelProblem.notConfigured("支付宝小程序");
        }
        AlipaySystemOauthTokenRequest request = new AlipaySystemOauthTokenRequest();
        request.setGrantType("authorization_code");
        request.setCode(authCode);
        AlipaySystemOauthTokenResponse response;
        try {
            response = client.execute(request);
        } catch (AlipayApiException e) {
            throw AlipayErrors.problemOf("alipay.system.oauth.token", e);
        }
        if (!response.isSuccess()) {
            log.warn("Alipay oauth token failed: code {} sub_code {}", response.getCode(), response.getSubCode());
            throw AlipayErrors.problemOf(response.getCode(), response.getSubCode());
        }
        String id = response.getUserId() != null && !response.getUserId().isBlank() ? response.getUserId()
                : response.getOpenId();
        if (id == null || id.isBlank()) {
            log.warn("Alipay oauth token answered without a user id or open id");
            throw ChannelProblem.platformError(PLATFORM);
        }
        return id;
    }

    /**
     * Sends one mini-program template message: a subscribe message ({@code formId} null, the citizen
     * accepted the template in {@code my.requestSubscribeMessage}) or one under a form id a form gave us.
     */
    public Delivery sendTemplate(String userId, String formId, String templateId, String page,
                                 Map<String, String> data) {
        if (client == null) {
            return Delivery.retry("支付宝小程序未配置");
        }
        AlipayOpenAppMiniTemplatemessageSendModel model = new AlipayOpenAppMiniTemplatemessageSendModel();
        if (userId.startsWith("2088")) {
            model.setToUserId(userId);
        } else {
            model.setToOpenId(userId);
        }
        model.setFormId(formId);
        model.setUserTemplateId(templateId);
        model.setPage(page);
        model.setData(templateData(data));
        AlipayOpenAppMiniTemplatemessageSendRequest request = new AlipayOpenAppMiniTemplatemessageSendRequest();
        request.setBizModel(model);
        try {
            AlipayOpenAppMiniTemplatemessageSendResponse response = client.execute(request);
            if (response.isSuccess()) {
                return Delivery.sent();
            }
            return AlipayErrors.deliveryOf(response.getCode(), response.getSubCode());
        } catch (AlipayApiException e) {
            log.warn("Alipay template message could not be sent: {}", AlipayErrors.failureOf(e));
            return Delivery.retry(ChannelProblem.timedOut(e) ? "支付宝网关响应超时" : "支付宝网关无法访问或应答签名无效");
        }
    }

    private String templateData(Map<String, String> data) {
        Map<String, Map<String, String>> wrapped = new LinkedHashMap<>();
        data.forEach((key, value) -> wrapped.put(key, Map.of("value", value)));
        try {
            return json.writeValueAsString(wrapped);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Template data of strings always serialises", e);
        }
    }
}
