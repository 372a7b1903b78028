package org.law12348.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A local Alibaba Cloud SMS endpoint ({@code dysmsapi}, API version 2017-05-25, RPC style) as the
 * service documents it: every request must carry a valid ACS3-HMAC-SHA256 {@code Authorization} over
 * the canonical request (method, path, sorted RFC 3986 query, the signed {@code host}/{@code x-acs-*}
 * headers, the body's SHA-256 in {@code x-acs-content-sha256}), a fresh {@code x-acs-signature-nonce}
 * and an {@code x-acs-date} within 15 minutes. It answers {@code SendSms} with the service's JSON:
 * {@code Code: OK} and a {@code BizId}, or the business error codes ({@code isv.*}, HTTP 200), or the
 * authentication errors (HTTP 4xx). Its flow control ({@code isv.BUSINESS_LIMIT_CONTROL}) counts real
 * time, which the tests' clock does not move, so a test asks for it with {@link #failNext}.
 */
public final class FakeAliyunSms {

    public static final String ACCESS_KEY_ID = "LTAI5tFakeSmsKey0001";
    public static final String ACCESS_KEY_SECRET = "fakeSmsSecretForLocalTests0000001";
    public static final String SIGN_NAME = "12348法律服务";
    public static final String CODE_TEMPLATE = "SMS_480000001";
    public static final Set<String> NOTICE_TEMPLATES = Set.of("SMS_480000002", "SMS_480000003", "SMS_480000004");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeAliyunSms instance;

    /** The newest sign-in code texted to this number (what the citizen reads on their phone). */
    public String lastCodeTo(String phone) {
        List<Sent> to = sentTo(phone).stream().filter(s -> s.template().equals(CODE_TEMPLATE)).toList();
        if (to.isEmpty()) {
            throw new AssertionError("no sign-in code was texted to " + phone);
        }
        return to.get(to.size() - 1).variables().path("code").asText();
    }

    /** One message the service accepted. */
    public record Sent(String phone, String template, JsonNode variables) {
    }

    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final Queue<String> nextBusinessErrors = new ConcurrentLinkedQueue<>();
    private volatile int refusedSignatures;

    private FakeAliyunSms() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized FakeAliyunSms get() {
        if (instance == null) {
            try {
                instance = new FakeAliyunSms();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The SDK's endpoint setting: host and port, no scheme. */
    public String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Sent> sent() {
        return sent;
    }

    public List<Sent> sentTo(String phone) {
        return sent.stream().filter(s -> s.phone().equals(phone)).toList();
    }

    public int refusedSignatures() {
        return refusedSignatures;
    }

    /** The next SendSms answers this business error code (e.g. {@code isv.MOBILE_NUMBER_ILLEGAL}). */
    public void failNext(String code) {
        nextBusinessErrors.add(code);
    }

    public void reset() {
        sent.clear();
        nextBusinessErrors.clear();
        refusedSignatures = 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authError = authenticate(exchange, body);
            if (authError != null) {
                refusedSignatures++;
                int status = authError.startsWith("InvalidAccessKeyId") ? 404 : 400;
                answer(exchange, status, Map.of("Code", authError, "Message", "authentication failed: " + authError));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!"SendSms".equals(exchange.getRequestHeaders().getFirst("x-acs-action"))
                    || !"2017-05-25".equals(exchange.getRequestHeaders().getFirst("x-acs-version"))) {
                answer(exchange, 404, Map.of("Code", "InvalidAction.NotFound", "Message", "Specified api is not found"));
                return;
            }
            answer(exchange, 200, sendSms(query));
        }
    }

    private Map<String, String> sendSms(Map<String, String> query) throws IOException {
        String phone = query.getOrDefault("PhoneNumbers", "");
        String template = query.getOrDefault("TemplateCode", "");
        String error = nextBusinessErrors.poll();
        if (error != null) {
            return Map.of("Code", error, "Message", "forced by the test");
        }
        if (!SIGN_NAME.equals(query.get("SignName"))) {
            return Map.of("Code", "isv.SMS_SIGNATURE_ILLEGAL", "Message", "该账号下找不到对应签名");
        }
        if (!template.equals(CODE_TEMPLATE) && !NOTICE_TEMPLATES.contains(template)) {
            return Map.of("Code", "isv.SMS_TEMPLATE_ILLEGAL", "Message", "该账号下找不到对应模板");
        }
        if (!phone.matches("1[3-9]\\d{9}")) {
            return Map.of("Code", "isv.MOBILE_NUMBER_ILLEGAL", "Message", "手机号码格式错误");
        }
        JsonNode variables = JSON.readTree(query.getOrDefault("TemplateParam", "{}"));
        sent.add(new Sent(phone, template, variables));
        return Map.of("Code", "OK", "Message", "OK", "BizId", System.nanoTime() + "^0");
    }

    /** Null when the request is signed as the documentation says, else the service's error code. */
    private String authenticate(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("ACS3-HMAC-SHA256 ")) {
            return "MissingAuthorization";
        }
        Map<String, String> parts = Arrays.stream(authorization.substring(17).split(","))
                .map(p -> p.split("=", 2)).filter(p -> p.length == 2)
                .collect(Collectors.toMap(p -> p[0].strip(), p -> p[1].strip(), (a, b) -> b));
        if (!ACCESS_KEY_ID.equals(parts.get("Credential"))) {
            return "InvalidAccessKeyId.NotFound";
        }
        String signedHeaders = parts.getOrDefault("SignedHeaders", "");
        List<String> signed = List.of(signedHeaders.split(";"));
        if (!signed.contains("host") || !signed.contains("x-acs-date") || !signed.contains("x-acs-signature-nonce")
                || !signed.contains("x-acs-content-sha256")) {
            return "IncompleteSignature";
        }
        String payloadHash = exchange.getRequestHeaders().getFirst("x-acs-content-sha256");
        if (!hex(sha256(body)).equals(payloadHash)) {
            return "IncompleteSignature";
        }
        String date = exchange.getRequestHeaders().getFirst("x-acs-date");
        try {
            if (Duration.between(Instant.parse(date), Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
                return "InvalidTimeStamp.Expired";
            }
        } catch (RuntimeException malformed) {
            return "InvalidTimeStamp.Format";
        }
        StringBuilder canonical = new StringBuilder(exchange.getRequestMethod()).append('\n')
                .append(exchange.getRequestURI().getRawPath()).append('\n')
                .append(canonicalQuery(query(exchange.getRequestURI().getRawQuery()))).append('\n');
        for (String header : signed) {
            String value = exchange.getRequestHeaders().getFirst(header);
            canonical.append(header).append(':').append(value == null ? "" : value.strip()).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String stringToSign = "ACS3-HMAC-SHA256\n" + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] expected = hmac(stringToSign).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts.getOrDefault("Signature", "").getBytes(StandardCharsets.US_ASCII))) {
            return "SignatureDoesNotMatch";
        }
        // checked last: only a correctly signed request uses its nonce up
        if (!nonces.add(exchange.getRequestHeaders().getFirst("x-acs-signature-nonce"))) {
            return "SignatureNonceUsed";
        }
        return null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new TreeMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    private static String canonicalQuery(Map<String, String> sorted) {
        return sorted.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding as the signature wants it. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> fields) throws IOException {
        Map<String, String> body = new TreeMap<>(fields);
        body.put("RequestId", UUID.randomUUID().toString().toUpperCase());
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ACCESS_KEY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
