package org.law12348.miniapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.law12348.testsupport.FakeAliyunSms;
import org.law12348.testsupport.SampleFiles;
import org.law12348.ticketing.internal.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module running with ticketing on H2 over real HTTP, its WeChat and Alipay adapters pointed at
 * the local fake platforms (and its SMS adapter at the local Alibaba Cloud SMS endpoint). Every test class extending this shares one application context.
 */
@SpringBootTest(classes = MiniappTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:miniapp;DB_CLOSE_DELAY=-1",
                "spring.jpa.open-in-view=false",
                // the app's multipart limits (app/application.yml)
                "spring.servlet.multipart.max-file-size=5MB",
                "spring.servlet.multipart.max-request-size=20MB",
                "law12348.miniapp.wechat.app-id=" + FakeWechat.APP_ID,
                "law12348.miniapp.wechat.secret=" + FakeWechat.SECRET,
                "law12348.miniapp.wechat.retries=1",
                "law12348.miniapp.wechat.retry-sleep=PT0.01S",
                "law12348.miniapp.wechat.templates.accepted=TPL-ACCEPTED",
                "law12348.miniapp.wechat.templates.answered=TPL-ANSWERED",
                "law12348.miniapp.wechat.templates.closed=TPL-CLOSED",
                // short, so a platform that never answers costs a test one second per attempt; the fakes'
                // late answers come after LATE_ANSWER, which only these timeouts make the clients miss
                "law12348.miniapp.wechat.connect-timeout=PT1S",
                "law12348.miniapp.wechat.read-timeout=PT1S",
                "law12348.miniapp.alipay.connect-timeout=PT1S",
                "law12348.miniapp.alipay.read-timeout=PT1S",
                "law12348.miniapp.alipay.app-id=" + FakeAlipay.APP_ID,
                "law12348.miniapp.alipay.templates.answered=ALI-TPL-ANSWERED",
                "law12348.miniapp.sms.access-key-id=" + FakeAliyunSms.ACCESS_KEY_ID,
                "law12348.miniapp.sms.access-key-secret=" + FakeAliyunSms.ACCESS_KEY_SECRET,
                "law12348.miniapp.sms.protocol=HTTP",
                "law12348.miniapp.sms.sign-name=" + FakeAliyunSms.SIGN_NAME,
                "law12348.miniapp.sms.templates.sign-in-code=" + FakeAliyunSms.CODE_TEMPLATE,
                "law12348.miniapp.sms.templates.answered=SMS_480000003",
                "law12348.miniapp.sms.templates.reminder=SMS_480000004",
                "law12348.miniapp.sms.read-timeout=PT1S",
                "law12348.miniapp.notifications.poll-interval=PT1H",
                "law12348.miniapp.notifications.max-attempts=4",
                "law12348.miniapp.notifications.initial-backoff=PT30S",
                "law12348.ticketing.outbox-poll-interval=PT1H"
        })
abstract class MiniappTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path IMAGES = Path.of(System.getProperty("java.io.tmpdir"), "law12348-miniapp-test-images");
    /** How the ticket text names the folder of its images for staff: 存储编号 followed by the folder. */
    private static final Pattern IMAGE_FOLDER = Pattern.compile("存储编号 ([0-9a-f]{32})");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicInteger PHONES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000, 8_000_000));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    private OutboxRelay outboxRelay;

    @Autowired
    private JdbcTemplate outboxRows;

    final FakeWechat wechat = FakeWechat.get();
    final FakeAlipay alipay = FakeAlipay.get();
    final FakeAliyunSms sms = FakeAliyunSms.get();

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry registry) {
        registry.add("law12348.miniapp.wechat.api-host", () -> FakeWechat.get().baseUrl());
        registry.add("law12348.miniapp.alipay.gateway-url", () -> FakeAlipay.get().gatewayUrl());
        registry.add("law12348.miniapp.alipay.private-key", () -> FakeAlipay.get().appPrivateKey);
        registry.add("law12348.miniapp.alipay.alipay-public-key", () -> FakeAlipay.get().platformPublicKey);
        registry.add("law12348.miniapp.alipay.aes-key", () -> FakeAlipay.get().aesKey);
        registry.add("law12348.miniapp.uploads.dir", IMAGES::toString);
        registry.add("law12348.miniapp.sms.endpoint", () -> FakeAliyunSms.get().endpoint());
    }

    @BeforeEach
    void resetPlatforms() {
        wechat.reset();
        alipay.reset();
        sms.reset();
    }

    /** A distinct value per call, for openids, codes and client message ids. */
    static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A mobile number no other test uses (the other tests' numbers do not start 1360). */
    static String uniquePhone() {
        return "1360" + PHONES.incrementAndGet();
    }

    /** Delivers the ticket events waiting in the outbox (notifications are enqueued then). */
    void deliverTicketEvents() {
        outboxRelay.relayPending();
        // the relay's own thread may hold an event in its transaction a moment longer
        for (int i = 0; i < 250 && pendingEvents() > 0; i++) {
            outboxRelay.relayPending();
            Thread.onSpinWait();
        }
        assertThat(pendingEvents()).isZero();
    }

    private int pendingEvents() {
        return outboxRows.queryForObject("select count(*) from outbox_event where processed_at is null", Integer.class);
    }

    /** Signs a new WeChat citizen in and returns the session token. */
    String wechatCitizen() {
        return wechatSignIn(unique("o6_bmjrPTlm6_2sgVt7hMZOPfL"));
    }

    String wechatSignIn(String openId) {
        String code = unique("081");
        wechat.loginCode(code, openId, null);
        Response r = post("/api/v1/miniapp/wechat/sessions", null, null, "{\"code\":\"" + code + "\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("token").asText();
    }

    String alipayCitizen() {
        String code = unique("auth");
        alipay.authCode(code, "2088" + String.format("%012d", SEQUENCE.incrementAndGet()));
        Response r = post("/api/v1/miniapp/alipay/sessions", null, null, "{\"authCode\":\"" + code + "\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("token").asText();
    }

    /** Asks a legal question in Tianhe, Guangzhou; returns the ticket number. */
    String ask(String token, String text) {
        Response r = post("/api/v1/miniapp/questions", token, unique("msg"),
                "{\"regionCode\":\"440106\",\"text\":\"" + text + "\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("number").asText();
    }

    /** Photos as phones send them: a JPEG with its GPS position in EXIF, a PNG with a place in a text chunk. */
    static final byte[] JPEG = SampleFiles.jpegWithGps(1);
    static final byte[] PNG = SampleFiles.pngWithText();

    /** A legal-aid service request in Tianhe with these images, as the mini-program uploads it. */
    Response multipart(String token, String messageId, byte[][] images) {
        String boundary = "----miniapp" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "regionCode", "440106");
        field(body, boundary, "businessType", "LEGAL_AID");
        field(body, boundary, "text", "工地受伤老板不管，申请法律援助，附工伤照片");
        for (int i = 0; i < images.length; i++) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"images\"; filename=\"photo" + i
                    + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
            body.writeBytes(images[i]);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        HttpRequest request = request("/api/v1/miniapp/service-requests", token, messageId)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(request);
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The folder of a ticket's images, found the way staff find it: by the storage number in its text. */
    Path imageFolder(String token, String number) {
        String text = get("/api/v1/miniapp/tickets/" + number, token).body().path("text").asText();
        Matcher folder = IMAGE_FOLDER.matcher(text);
        assertThat(folder.find()).as(text).isTrue();
        return IMAGES.resolve(folder.group(1));
    }

    record Response(int status, JsonNode body, HttpResponse<byte[]> raw) {
    }

    Response get(String path, String token) {
        return send(request(path, token, null).GET().build());
    }

    Response post(String path, String token, String messageId, String json) {
        HttpRequest.Builder builder = request(path, token, messageId).header("Content-Type", "application/json");
        return send(builder.POST(json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    HttpRequest.Builder request(String path, String token, String messageId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (messageId != null) {
            builder.header("X-Client-Message-Id", messageId);
        }
        return builder;
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.contains("json") && response.body().length > 0
                    ? JSON.readTree(response.body()) : JSON.createObjectNode();
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
