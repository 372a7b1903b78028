package org.law12348.miniapp;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipayEncrypt;
import com.alipay.api.internal.util.AlipaySignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local Alipay open-platform gateway: it checks every request's RSA2 signature with the app's
 * public key ({@code rsaCheckV2}) and answers in Alipay's envelope ({@code <method>_response} or
 * {@code error_response}, plus {@code sign}) signed with its own "platform" key pair — both
 * RSA-2048 pairs generated here, PKCS#8 / X.509 in base64 like the Alipay console hands them out.
 */
public final class FakeAlipay {

    static final String APP_ID = "2021004100000001";
    static final String SIGN_IN = "alipay.system.oauth.token";
    static final String TEMPLATE_SEND = "alipay.open.app.mini.templatemessage.send";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeAlipay instance;

    final String appPrivateKey;
    final String appPublicKey;
    final String platformPrivateKey;
    final String platformPublicKey;
    final String aesKey;
    private final HttpServer server;
    private final Map<String, String> authCodes = new ConcurrentHashMap<>();
    private final Queue<String[]> templateFailures = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> templateMessages = new CopyOnWriteArrayList<>();
    private volatile boolean forgeNext;
    private final HangingCalls hanging = new HangingCalls();

    private FakeAlipay() throws IOException, NoSuchAlgorithmException {
        KeyPair app = rsa2048();
        KeyPair platform = rsa2048();
        appPrivateKey = b64(app.getPrivate().getEncoded());
        appPublicKey = b64(app.getPublic().getEncoded());
        platformPrivateKey = b64(platform.getPrivate().getEncoded());
        platformPublicKey = b64(platform.getPublic().getEncoded());
        byte[] aes = new byte[16];
        new SecureRandom().nextBytes(aes);
        aesKey = b64(aes);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gateway.do", this::handle);
        // hanging calls each hold a thread until answered late or released
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    static synchronized FakeAlipay get() {
        if (instance == null) {
            try {
                instance = new FakeAlipay();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/gateway.do";
    }

    void authCode(String code, String userId) {
        authCodes.put(code, userId);
    }

    /** The next template message sends answer these (code, sub_code) pairs; then success. */
    void failTemplateWith(String code, String subCode) {
        templateFailures.add(new String[] {code, subCode});
    }

    List<JsonNode> templateMessages() {
        return templateMessages;
    }

    /** The next response is signed with a key that is not Alipay's (a forged or corrupted answer). */
    void forgeNextResponse() {
        forgeNext = true;
    }

    /**
     * The next n calls of this method are accepted and read, then get no answer for
     * {@link HangingCalls#LATE_ANSWER} (the gateway overloaded, or a proxy swallowing the answer).
     */
    void hang(String method, int n) {
        hanging.hang(method, n);
    }

    /** How many calls of this method hung since the last reset. */
    int hungCalls(String method) {
        return hanging.hungCalls(method);
    }

    /** Ends the calls hanging now without an answer, as if the connection dropped; later ones still hang. */
    void releaseHangingCalls() {
        hanging.release();
    }

    void reset() {
        hanging.reset();
        forgeNext = false;
        templateFailures.clear();
        templateMessages.clear();
    }

    /** What my.getPhoneNumber hands the mini-program: the AES-encrypted response, signed by Alipay. */
    String phonePayload(String mobile) throws AlipayApiException {
        String plain = "{\"code\":\"10000\",\"msg\":\"Success\",\"mobile\":\"" + mobile + "\"}";
        String encrypted = AlipayEncrypt.encryptContent(plain, "AES", aesKey, "UTF-8");
        String sign = AlipaySignature.rsa256Sign("\"" + encrypted + "\"", platformPrivateKey, "UTF-8");
        ObjectNode payload = JSON.createObjectNode().put("response", encrypted).put("sign", sign)
                .put("sign_type", "RSA2").put("encrypt_type", "AES").put("charset", "UTF-8");
        return payload.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = form(exchange.getRequestURI().getRawQuery());
            params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            String method = params.getOrDefault("method", "");
            if (!hanging.answer(method)) {
                return;
            }
            String answer = answer(params);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (AlipayApiException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private String answer(Map<String, String> params) throws AlipayApiException, IOException {
        String method = params.getOrDefault("method", "");
        if (!APP_ID.equals(params.get("app_id")) || !"RSA2".equals(params.get("sign_type"))
                || !AlipaySignature.rsaCheckV2(params, appPublicKey, "UTF-8", "RSA2")) {
            return envelope("error_response", "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\","
                    + "\"sub_code\":\"isv.invalid-signature\",\"sub_msg\":\"验签出错\"}");
        }
        return switch (method) {
            case SIGN_IN -> oauthToken(params);
            case TEMPLATE_SEND -> templateMessage(params);
            default -> envelope("error_response", "{\"code\":\"40004\",\"msg\":\"Business Failed\","
                    + "\"sub_code\":\"isv.invalid-method\",\"sub_msg\":\"不存在的方法名\"}");
        };
    }

    private String oauthToken(Map<String, String> params) {
        String userId = authCodes.remove(params.getOrDefault("code", ""));
        if (userId == null || !"authorization_code".equals(params.get("grant_type"))) {
            return envelope("error_response", "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\","
                    + "\"sub_code\":\"isv.code-invalid\",\"sub_msg\":\"授权码code无效\"}");
        }
        return envelope("alipay_system_oauth_token_response", "{\"user_id\":\"" + userId + "\","
                + "\"access_token\":\"authusrB8a5e1b6f3c0d4e2a9f7c6b5d4e3f2a1\",\"expires_in\":1296000,"
                + "\"refresh_token\":\"authusrBf0e1d2c3b4a5968778695a4b3c2d1e0f\",\"re_expires_in\":2592000,"
                + "\"auth_start\":\"2026-11-28 15:00:00\"}");
    }

    private String templateMessage(Map<String, String> params) throws IOException {
        String[] failure = templateFailures.poll();
        if (failure != null) {
            return envelope("alipay_open_app_mini_templatemessage_send_response", "{\"code\":\"" + failure[0]
                    + "\",\"msg\":\"Business Failed\",\"sub_code\":\"" + failure[1] + "\",\"sub_msg\":\"失败\"}");
        }
        templateMessages.add(JSON.readTree(params.get("biz_content")));
        return envelope("alipay_open_app_mini_templatemessage_send_response", "{\"code\":\"10000\",\"msg\":\"Success\"}");
    }

    private String envelope(String node, String content) {
        try {
            String key = platformPrivateKey;
            if (forgeNext) {
                forgeNext = false;
                key = b64(rsa2048().getPrivate().getEncoded());
            }
            String sign = AlipaySignature.rsa256Sign(content, key, "UTF-8");
            return "{\"" + node + "\":" + content + ",\"sign\":\"" + sign + "\"}";
        } catch (AlipayApiException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static KeyPair rsa2048() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
