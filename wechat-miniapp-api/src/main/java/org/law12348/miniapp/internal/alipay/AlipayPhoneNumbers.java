package org.law12348.miniapp.internal.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipayEncrypt;
import com.alipay.api.internal.util.AlipaySignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.law12348.miniapp.MiniappProperties;
import org.law12348.miniapp.internal.ChannelProblem;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Reads the phone number out of what {@code my.getPhoneNumber} gave the mini-program: a JSON string
 * with the AES-encrypted {@code response} and Alipay's RSA2 {@code sign} over it. The signature is
 * checked before anything is decrypted; a payload that fails either step is refused.
 */
@Component
public class AlipayPhoneNumbers {

    private static final Logger log = LoggerFactory.getLogger(AlipayPhoneNumbers.class);
    private static final String FIELD = "response";

    private final ObjectMapper json;
    private final String alipayPublicKey;
    private final String aesKey;
    private final boolean configured;

    public AlipayPhoneNumbers(ObjectMapper json, MiniappProperties properties) {
        this.json = json;
        this.alipayPublicKey = properties.alipay().alipayPublicKey();
        this.aesKey = properties.alipay().aesKey();
        this.configured = properties.alipay().configured() && aesKey != null && !aesKey.isBlank();
    }

    public PhoneNumber decrypt(String payload) {
        if (!configured) {
            throw ChannelProblem.notConfigured("支付宝手机号授权");
        }
        JsonNode envelope = parse(payload);
        String content = envelope.path("response").asText(null);
        String sign = envelope.path("sign").asText(null);
        if (content == null || sign == null) {
            throw invalid();
        }
        String plain;
        try {
            if (!AlipaySignature.rsaCheck("\"" + content + "\"", sign, alipayPublicKey, "UTF-8", "RSA2")) {
                log.warn("Alipay phone number payload with a signature that does not verify");
                throw invalid();
            }
            plain = AlipayEncrypt.decryptContent(content, "AES", aesKey, "UTF-8");
        } catch (AlipayApiException e) {
            log.warn("Alipay phone number payload could not be checked or decrypted: {}", e.getErrCode());
            throw invalid();
        }
        JsonNode result = parse(plain);
        if (!"10000".equals(result.path("code").asText()) || result.path("mobile").asText("").isBlank()) {
            throw new InvalidInputException(FIELD, "phone.notAuthorized", "支付宝未返回手机号码，请重新授权");
        }
        return new PhoneNumber(result.path("mobile").asText());
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid();
        }
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw invalid();
            }
            return node;
        } catch (IOException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(FIELD, "phone.payloadInvalid", "手机号授权数据无效，请重新授权");
    }
}
