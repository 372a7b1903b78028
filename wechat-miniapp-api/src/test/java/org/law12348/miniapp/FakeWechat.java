package org.law12348.miniapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for api.weixin.qq.com speaking WeChat's JSON shapes and error codes
 * (developers.weixin.qq.com 小程序服务端 API): access tokens, jscode2session (each code works once),
 * getuserphonenumber, msg_sec_check v2 and subscribe/send. Calls without the current access token
 * answer 40001 like WeChat does.
 */
public final class FakeWechat {

    static final String APP_ID = "wx0123456789abcdef";
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    /** Text containing this is judged risky (label 20006, 违法犯罪) by msg_sec_check. */
    static final String RISKY_WORD = "出售枪支";
    static final String SIGN_IN = "/sns/jscode2session";
    static final String SUBSCRIBE_SEND = "/cgi-bin/message/subscribe/send";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeWechat instance;

    private final HttpServer server;
    private final Map<String, String[]> loginCodes = new ConcurrentHashMap<>();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, String> phoneCodes = new ConcurrentHashMap<>();
    private final Queue<Integer> subscribeErrors = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> subscribeMessages = new CopyOnWriteArrayList<>();
    private final List<JsonNode> contentChecks = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private volatile int busyAnswers;
    private final AtomicInteger droppedSends = new AtomicInteger();
    private volatile Integer tokenError;
    private final HangingCalls hanging = new HangingCalls();

    private FakeWechat() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // hanging calls each hold a thread until answered late or released
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    static synchronized FakeWechat get() {
        if (instance == null) {
            try {
                instance = new FakeWechat();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A fresh wx.login code for that openid. */
    void loginCode(String code, String openId, String unionId) {
        loginCodes.put(code, new String[] {openId, unionId});
    }

    void phoneCode(String code, String phone) {
        phoneCodes.put(code, phone);
    }

    /** The next n calls of any API answer -1 (系统繁忙). */
    void busyFor(int n) {
        busyAnswers = n;
    }

    /** The next subscribe/send calls answer these errcodes, in order; then success. */
    void failSubscribeWith(Integer... errcodes) {
        subscribeErrors.addAll(List.of(errcodes));
    }

    List<JsonNode> subscribeMessages() {
        return subscribeMessages;
    }

    List<JsonNode> contentChecks() {
        return contentChecks;
    }

    /** WeChat invalidates the current access token (another client fetched a new one). */
    void invalidateAccessToken() {
        tokenCounter.incrementAndGet();
    }

    /** Token requests answer this errcode, e.g. 40164 when the server's IP is not whitelisted. */
    void refuseTokenRequestsWith(Integer errcode) {
        tokenError = errcode;
    }

    /** The next subscribe/send calls get no answer at all: the connection closes as if WeChat went away. */
    void dropSubscribeCalls(int n) {
        droppedSends.set(n);
    }

    /**
     * The next n calls of this API path are accepted and read, then get no answer for
     * {@link HangingCalls#LATE_ANSWER} (WeChat overloaded, or a proxy swallowing the answer).
     */
    void hang(String path, int n) {
        hanging.hang(path, n);
    }

    /** How many calls of this path hung since the last reset. */
    int hungCalls(String path) {
        return hanging.hungCalls(path);
    }

    /** Ends the calls hanging now without an answer, as if the connection dropped; later ones still hang. */
    void releaseHangingCalls() {
        hanging.release();
    }

    void reset() {
        hanging.reset();
        droppedSends.set(0);
        tokenError = null;
        subscribeErrors.clear();
        subscribeMessages.clear();
        contentChecks.clear();
        busyAnswers = 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals(SUBSCRIBE_SEND) && droppedSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return;
            }
            if (!hanging.answer(path)) {
                return;
            }
            String answer = answer(path, query, body);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; encoding=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private String answer(String path, Map<String, String> query, String body) throws IOException {
        if (busyAnswers > 0) {
            busyAnswers--;
            return error(-1, "system error");
        }
        if (path.equals("/cgi-bin/token")) {
            if (!APP_ID.equals(query.get("appid"))) {
                return error(40013, "invalid appid");
            }
            if (!SECRET.equals(query.get("secret"))) {
                return error(40125, "invalid appsecret");
            }
            if (tokenError != null) {
                return error(tokenError, "invalid ip 10.0.0.8 ipv6 ::ffff:10.0.0.8, not in whitelist");
            }
            return "{\"access_token\":\"" + currentToken(true) + "\",\"expires_in\":7200}";
        }
        if (path.equals(SIGN_IN)) {
            return jscode2session(query);
        }
        if (!currentToken(false).equals(query.get("access_token"))) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        JsonNode request = JSON.readTree(body);
        return switch (path) {
            case "/wxa/business/getuserphonenumber" -> phoneNumber(request);
            case "/wxa/msg_sec_check" -> contentCheck(request);
            case SUBSCRIBE_SEND -> subscribe(request);
            default -> error(40066, "invalid url");
        };
    }

    private String jscode2session(Map<String, String> query) {
        if (!APP_ID.equals(query.get("appid")) || !SECRET.equals(query.get("secret"))) {
            return error(40125, "invalid appsecret");
        }
        String code = query.get("js_code");
        if (code != null && usedCodes.contains(code)) {
            return error(40163, "code been used");
        }
        String[] who = code == null ? null : loginCodes.remove(code);
        if (who == null || !"authorization_code".equals(query.get("grant_type"))) {
            return error(40029, "invalid code");
        }
        usedCodes.add(code);
        return "{\"session_key\":\"tiihtNczf5v6AKRyjwEUhQ==\",\"openid\":\"" + who[0] + "\""
                + (who[1] == null ? "" : ",\"unionid\":\"" + who[1] + "\"") + "}";
    }

    private String phoneNumber(JsonNode request) {
        String phone = phoneCodes.remove(request.path("code").asText());
        if (phone == null) {
            return error(40029, "invalid code");
        }
        return "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"" + phone
                + "\",\"purePhoneNumber\":\"" + phone + "\",\"countryCode\":86,\"watermark\":{\"timestamp\":"
                + System.currentTimeMillis() / 1000 + ",\"appid\":\"" + APP_ID + "\"}}}";
    }

    private String contentCheck(JsonNode request) {
        contentChecks.add(request);
        if (request.path("version").asInt() != 2 || request.path("openid").asText().isEmpty()
                || !request.hasNonNull("scene")) {
            return error(47001, "data format error");
        }
        boolean risky = request.path("content").asText().contains(RISKY_WORD);
        String suggest = risky ? "risky" : "pass";
        int label = risky ? 20006 : 100;
        return "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"suggest\":\"" + suggest + "\",\"label\":" + label
                + "},\"detail\":[{\"strategy\":\"content_model\",\"errcode\":0,\"suggest\":\"" + suggest
                + "\",\"label\":" + label + ",\"prob\":90}],\"trace_id\":\"60ae120f-371d5872-7941a05b\"}";
    }

    private String subscribe(JsonNode request) {
        Integer failure = subscribeErrors.poll();
        if (failure != null) {
            return error(failure, failure == 43101 ? "user refuse to accept the msg" : "system error");
        }
        if (request.path("touser").asText().isEmpty() || request.path("template_id").asText().isEmpty()) {
            return error(47003, "argument invalid!");
        }
        subscribeMessages.add(request);
        return "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + System.nanoTime() + "}";
    }

    private String currentToken(boolean fresh) {
        int n = fresh ? tokenCounter.incrementAndGet() : tokenCounter.get();
        return "ACCESS_TOKEN_" + n;
    }

    private static String error(int errcode, String errmsg) {
        return "{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + " rid: 6566e1c2-1f2a3b4c\"}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
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
}
