package org.law12348.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a caller sends, the answer is a problem detail naming the field, and nothing is written. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:scenarios;DB_CLOSE_DELAY=-1")
class BadInputTest {

    private static final String VALID_TEXT = "公司拖欠工资三个月，想咨询如何维权。";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    static Stream<Arguments> badTickets() {
        return Stream.of(
                Arguments.of("missing business type", "{\"regionCode\":\"440106\",\"text\":\"" + VALID_TEXT + "\"}",
                        "businessType", "field.required"),
                Arguments.of("unknown business type", body("DIVORCE_NOW", "440106", VALID_TEXT), "businessType",
                        "businessType.unknown"),
                Arguments.of("blank text", body("LEGAL_AID", "440106", "   "), "text", "field.required"),
                Arguments.of("text over 4000 characters", body("LEGAL_AID", "440106", "欠".repeat(4001)), "text",
                        "field.tooLong"),
                Arguments.of("control characters", body("LEGAL_AID", "440106", "工资\u0000被拖欠了好几个月"), "text",
                        "field.controlCharacters"),
                Arguments.of("malformed region", body("LEGAL_AID", "44A106", VALID_TEXT), "regionCode",
                        "region.malformed"),
                Arguments.of("unknown region", body("LEGAL_AID", "449999", VALID_TEXT), "regionCode",
                        "region.unknown"),
                Arguments.of("missing region", "{\"businessType\":\"LEGAL_AID\",\"text\":\"" + VALID_TEXT + "\"}",
                        "regionCode", "field.required"),
                Arguments.of("region of the wrong type", "{\"businessType\":\"LEGAL_AID\",\"regionCode\":{\"a\":1},"
                        + "\"text\":\"" + VALID_TEXT + "\"}", "regionCode", "field.wrongType"),
                Arguments.of("malformed JSON", "{\"businessType\": \"LEGAL_AID\",", "body", "body.malformed"),
                Arguments.of("not an object", "[1,2,3]", "body", "body.malformed"),
                Arguments.of("bad phone number", "{\"businessType\":\"LEGAL_AID\",\"regionCode\":\"440106\",\"text\":\""
                        + VALID_TEXT + "\",\"contactPhone\":\"12345\"}", "contactPhone", "phone.malformed"),
                Arguments.of("identity number with a wrong check character", "{\"businessType\":\"LEGAL_AID\","
                        + "\"regionCode\":\"440106\",\"text\":\"" + VALID_TEXT
                        + "\",\"contactIdNumber\":\"110105194912310021\"}", "contactIdNumber", "idNumber.malformed"),
                Arguments.of("unknown kind", "{\"businessType\":\"LEGAL_AID\",\"regionCode\":\"440106\",\"text\":\""
                        + VALID_TEXT + "\",\"kind\":\"URGENT\"}", "kind", "kind.unknown"));
    }

    private static String body(String type, String region, String text) {
        return HttpApi.json(Map.of("businessType", type, "regionCode", region, "text", text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTickets")
    void aBadTicketIsRefusedNamingTheFieldAndWritesNothing(String why, String json, String field, String code) {
        int before = tickets();

        HttpApi.Answer answer = api.post("/api/v1/tickets", json);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.text("field")).isEqualTo(field);
        assertThat(answer.text("code")).isEqualTo(code);
        assertThat(answer.text("detail")).isNotBlank();
        assertThat(answer.raw().body()).doesNotContain("Exception", "at org.");
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void aWrongContentTypeIs415() {
        HttpApi.Answer answer = api.postRaw("/api/v1/tickets", "text/plain",
                "businessType=LEGAL_AID".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.text("field")).isEqualTo("Content-Type");
    }

    @Test
    void aHugeBodyIs413AndWritesNothing() {
        int before = tickets();
        String huge = body("LEGAL_AID", "440106", "欠".repeat(200_000));
        HttpApi.Answer answer = api.post("/api/v1/tickets", huge);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.text("code")).isEqualTo("body.tooLarge");
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void aMalformedIdempotencyKeyIsRefused() {
        HttpApi.Answer answer = api.post("/api/v1/tickets", body("LEGAL_AID", "440106", VALID_TEXT),
                "Idempotency-Key", "x".repeat(200));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void aWrongOrMissingTrackingTokenLooksLikeNoTicket() {
        HttpApi.Answer created = api.post("/api/v1/tickets", body("LEGAL_AID", "440106", VALID_TEXT));
        String number = created.text("number");

        assertThat(api.get("/api/v1/tickets/" + number, "X-Tracking-Token", "guess").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + number).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/GD20990101-999999", "X-Tracking-Token", "guess").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/not-a-number").status()).isEqualTo(404);
        // a token in the query string does not count (issue 17, item 9): only the header does
        assertThat(api.get("/api/v1/tickets/" + number + "?token=" + created.text("trackingToken")).status())
                .isEqualTo(404);
    }

    @Test
    void staffActionsValidateTheirInputAndTheTicketsState() {
        String number = api.post("/api/v1/tickets", body("LEGAL_AID", "440106", VALID_TEXT)).text("number");
        String path = "/api/v1/staff/tickets/" + number;

        HttpApi.Answer tooShort = api.post(path + "/answer", HttpApi.json(Map.of("text", "好")),
                HttpApi.basic("handler-gz"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.text("field")).isEqualTo("text");

        HttpApi.Answer unknownUnit = api.post(path + "/reassign",
                HttpApi.json(Map.of("unitCode", "NO-SUCH-UNIT", "reason", "转给其他单位")), HttpApi.basic("dispatcher"));
        assertThat(unknownUnit.status()).isEqualTo(400);
        assertThat(unknownUnit.text("field")).isEqualTo("unitCode");

        HttpApi.Answer byConsultant = api.post(path + "/reassign",
                HttpApi.json(Map.of("unitCode", "GD-4403-LEGAL-AID", "reason", "转给深圳")), HttpApi.basic("consultant"));
        assertThat(byConsultant.status()).isEqualTo(403);

        assertThat(api.post(path + "/close", "{}", HttpApi.basic("dispatcher")).status()).isEqualTo(200);
        HttpApi.Answer afterClose = api.post(path + "/answer",
                HttpApi.json(Map.of("text", "办结之后的答复内容")), HttpApi.basic("dispatcher"));
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.text("code")).isEqualTo("ticket.stateConflict");
    }

    @Test
    void staffEndpointsNeedASignedInStaffMember() {
        HttpApi.Answer anonymous = api.get("/api/v1/staff/tickets");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("code")).isEqualTo("authentication.required");
        assertThat(api.get("/api/v1/staff/tickets", "Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/staff/tickets?status=NOPE", HttpApi.basic("dispatcher")).text("field"))
                .isEqualTo("status");
        assertThat(api.get("/api/v1/staff/tickets?cursor=not-a-cursor%25%25", HttpApi.basic("dispatcher")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/staff/tickets?limit=100000", HttpApi.basic("dispatcher")).text("field"))
                .isEqualTo("limit");
    }

    private int tickets() {
        return jdbc.queryForObject("select count(*) from ticket", Integer.class);
    }
}
