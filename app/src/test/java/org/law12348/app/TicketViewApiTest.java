package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, the ticket view's API: reassigning to the ticket's own unit is refused, a dispatcher
 * corrects region or business type and the real routing table sends the ticket on, the citizen's other
 * tickets and calls and similar answered questions sit beside it, and each unit keeps canned replies
 * only its own handlers (and administrators) change.
 */
@CitizenFacingApp
class TicketViewApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void handlerOfAnotherUnit() {
        accounts.save(new StaffAccount("handler-sz", passwords.encode("demo12348"), "深圳市法律援助中心承办人",
                StaffRole.UNIT_HANDLER, "GD-4403-LEGAL-AID"));
    }

    private HttpApi.Answer ask(HttpApi api, String businessType, String region, String text, String phone) {
        Map<String, Object> body = new HashMap<>(Map.of("businessType", businessType, "regionCode", region, "text", text));
        if (phone != null) {
            body.put("contactPhone", phone);
            body.put("contactName", "张三");
        }
        HttpApi.Answer created = new HttpApi(port).post("/api/v1/tickets", HttpApi.json(body));
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    private static String freshPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void reassigningToTheTicketsOwnUnitIsRefusedAndChangesNothing() {
        HttpApi api = new HttpApi(port);
        String number = ask(api, "LEGAL_AID", "440106", "公司拖欠工资三个月，想申请法律援助。", null).text("number");
        String path = "/api/v1/staff/tickets/" + number;
        String dueBefore = api.get(path, HttpApi.basic("dispatcher")).text("dueAt");

        HttpApi.Answer same = api.post(path + "/reassign", HttpApi.json(Map.of("unitCode", "GD-4401-LEGAL-AID",
                "reason", "再派一次")), HttpApi.basic("dispatcher"));

        assertThat(same.status()).isEqualTo(409);
        assertThat(same.text("code")).isEqualTo("ticket.sameUnit");
        assertThat(same.text("field")).isEqualTo("unitCode");
        assertThat(same.text("detail")).isEqualTo("工单已由该单位承办，请选择其他单位");
        JsonNode after = api.get(path, HttpApi.basic("dispatcher")).body();
        assertThat(after.path("dueAt").asText()).isEqualTo(dueBefore);
        assertThat(after.path("timeline").findValuesAsText("type")).doesNotContain("REASSIGNED");
    }

    @Test
    void aCorrectedRegionRoutesTheTicketByTheRulesAndTheTimelineSpeaksInNames() {
        HttpApi api = new HttpApi(port);
        String number = ask(api, "LEGAL_AID", "440106", "我在深圳南山区打工，老板拖欠工资，想申请法律援助。", null).text("number");
        String path = "/api/v1/staff/tickets/" + number + "/reroute";

        HttpApi.Answer moved = api.post(path, HttpApi.json(Map.of("regionCode", "440305", "businessType", "LEGAL_AID",
                "reason", "市民实际在深圳")), HttpApi.basic("dispatcher"));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.text("handlingUnit")).isEqualTo("GD-4403-LEGAL-AID");
        assertThat(moved.text("regionCode")).isEqualTo("440305");
        assertThat(moved.text("status")).isEqualTo("ROUTED");
        JsonNode rerouted = lastOfType(moved.body(), "REROUTED");
        assertThat(rerouted.path("text").asText())
                .contains("广东省广州市天河区/法律援助", "广东省深圳市南山区/法律援助", "市民实际在深圳", moved.text("handlingUnitName"))
                .doesNotContain("440305", "GD-4403", "R-4403", "规则");
        assertThat(rerouted.path("ruleId").asText(null)).as("dispatchers do not get the rule id").isNull();
        JsonNode asAdmin = api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("admin")).body();
        assertThat(lastOfType(asAdmin, "REROUTED").path("ruleId").asText()).isEqualTo("R-4403-LEGAL-AID");
        assertThat(lastOfType(asAdmin, "ROUTED").path("ruleId").asText()).isEqualTo("R-4401-LEGAL-AID");
        assertThat(lastOfType(asAdmin, "ROUTED").path("text").asText()).doesNotContain("规则");
        // the audit page speaks in names too
        JsonNode entry = api.get("/api/v1/admin/audit?action=TICKET_REROUTED&ticket=" + number, HttpApi.basic("admin"))
                .body().path("items").get(0);
        assertThat(entry.path("detail").asText()).isEqualTo("更正为广东省深圳市南山区/法律援助：市民实际在深圳");
    }

    @Test
    void aRerouteIsRefusedWithTheFieldNamed() {
        HttpApi api = new HttpApi(port);
        String number = ask(api, "LEGAL_AID", "440106", "离婚后孩子抚养费怎么计算，能否申请法律援助？", null).text("number");
        String path = "/api/v1/staff/tickets/" + number + "/reroute";
        String[] dispatcher = HttpApi.basic("dispatcher");

        assertProblem(api.post(path, HttpApi.json(Map.of("regionCode", "440305", "businessType", "LEGAL_AID")), dispatcher),
                400, "reason");
        assertProblem(api.post(path, HttpApi.json(Map.of("regionCode", "999999", "businessType", "LEGAL_AID",
                "reason", "更正地区")), dispatcher), 400, "regionCode");
        assertProblem(api.post(path, HttpApi.json(Map.of("regionCode", "440305", "businessType", "NOPE",
                "reason", "更正地区")), dispatcher), 400, "businessType");
        assertProblem(api.post(path, HttpApi.json(Map.of("businessType", "LEGAL_AID", "reason", "更正地区")), dispatcher),
                400, "regionCode");
        assertProblem(api.post(path, HttpApi.json(Map.of("regionCode", "440106", "businessType", "LEGAL_AID",
                "reason", "没有变化")), dispatcher), 400, "regionCode");
        assertThat(api.post(path, "[1,2]", dispatcher).status()).isEqualTo(400);
        assertThat(api.post(path, HttpApi.json(Map.of("regionCode", "440305", "businessType", "LEGAL_AID",
                "reason", "更正地区")), HttpApi.basic("handler-gz")).status()).as("unit handlers do not reroute")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/staff/tickets/" + number, dispatcher).text("handlingUnit"))
                .isEqualTo("GD-4401-LEGAL-AID");
    }

    @Test
    void theCitizensOtherTicketsAreBesideTheTicketForThoseWhoMaySeeThem() {
        HttpApi api = new HttpApi(port);
        String phone = freshPhone();
        String first = ask(api, "LEGAL_AID", "440106", "公司拖欠工资三个月，想申请法律援助。", phone).text("number");
        String second = ask(api, "LEGAL_AID", "440106", "上次的欠薪问题还想补充一些材料。", phone).text("number");
        String shenzhen = ask(api, "LEGAL_AID", "440305", "深圳的工地也欠我工资，怎么办？", phone).text("number");
        ask(api, "LEGAL_AID", "440106", "另一位市民的问题，与本人无关。", freshPhone());

        HttpApi.Answer asHandler = api.get("/api/v1/staff/tickets/" + second + "/related", HttpApi.basic("handler-gz"));
        HttpApi.Answer asDispatcher = api.get("/api/v1/staff/tickets/" + second + "/related", HttpApi.basic("dispatcher"));

        assertThat(asHandler.status()).isEqualTo(200);
        assertThat(asHandler.body().path("otherTickets").findValuesAsText("number"))
                .as("a handler sees only their unit's tickets").containsExactly(first);
        assertThat(asDispatcher.body().path("otherTickets").findValuesAsText("number"))
                .containsExactlyInAnyOrder(shenzhen, first);
        assertThat(asDispatcher.body().path("otherTickets").findValuesAsText("handlingUnitName"))
                .containsExactlyInAnyOrder("深圳市法律援助中心", "广州市法律援助中心");
        assertThat(asDispatcher.body().path("calls").isArray()).isTrue();
        assertThat(asDispatcher.raw().body()).doesNotContain(phone);
        assertThat(api.get("/api/v1/staff/tickets/" + second + "/related", HttpApi.basic("consultant")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/staff/tickets/" + shenzhen + "/related", HttpApi.basic("handler-gz")).status())
                .as("another unit's ticket is not found").isEqualTo(404);
        assertThat(api.get("/api/v1/staff/tickets/GD2026-bad/related", HttpApi.basic("dispatcher")).status())
                .isEqualTo(404);
    }

    @Test
    void similarAnsweredQuestionsAreOfferedBesideTheTicket() {
        HttpApi api = new HttpApi(port);
        String answered = ask(api, "LEGAL_CONSULTATION", "440106", "公司拖欠工资三个月不发，应该怎么维权？", null).text("number");
        assertThat(api.post("/api/v1/consultant/pool/" + answered + "/claim", "{}", HttpApi.basic("consultant")).status())
                .isBetween(200, 201);
        assertThat(api.post("/api/v1/consultant/pool/" + answered + "/answer", HttpApi.json(Map.of("text",
                "根据劳动合同法，用人单位应当按时足额支付劳动报酬，您可以向劳动监察部门投诉或申请劳动仲裁。")),
                HttpApi.basic("consultant")).status()).isBetween(200, 201);
        String number = ask(api, "LEGAL_AID", "440106", "老板拖欠工资三个月，我该怎么维权？", null).text("number");

        HttpApi.Answer similar = api.get("/api/v1/staff/tickets/" + number + "/similar", HttpApi.basic("handler-gz"));

        assertThat(similar.status()).isEqualTo(200);
        JsonNode hit = find(similar.body().path("tickets"), answered);
        assertThat(hit).as("the answered question is offered").isNotNull();
        assertThat(hit.path("answerStart").asText()).startsWith("根据劳动合同法").doesNotContain("&", "<em>");
        assertThat(similar.body().path("articles").isArray()).isTrue();
        assertThat(api.get("/api/v1/staff/tickets/" + number + "/similar", HttpApi.basic("handler-sz")).status())
                .isIn(403, 404);
        assertThat(api.get("/api/v1/staff/tickets/" + number + "/similar", HttpApi.basic("consultant")).status())
                .isEqualTo(403);
    }

    @Test
    void aUnitsHandlersKeepTheirCannedRepliesAndOtherUnitsCannotTouchThem() {
        HttpApi api = new HttpApi(port);
        String title = "欠薪材料" + ThreadLocalRandom.current().nextInt(1_000_000);
        String text = "{{citizenName}}您好，您的工单{{ticketNumber}}已由{{unitName}}受理，请携带劳动合同和工资流水。";

        HttpApi.Answer created = api.post("/api/v1/staff/canned-replies", HttpApi.json(Map.of("title", title, "text", text)),
                HttpApi.basic("handler-gz"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("unitCode")).isEqualTo("GD-4401-LEGAL-AID");
        assertThat(created.text("unitName")).isEqualTo("广州市法律援助中心");
        String id = created.text("id");
        String one = "/api/v1/staff/canned-replies/" + id;
        assertThat(titles(api.get("/api/v1/staff/canned-replies", HttpApi.basic("handler-gz")))).contains(title);
        assertThat(titles(api.get("/api/v1/staff/canned-replies?unit=GD-4401-LEGAL-AID", HttpApi.basic("dispatcher"))))
                .contains(title);
        assertThat(titles(api.get("/api/v1/staff/canned-replies", HttpApi.basic("handler-sz")))).doesNotContain(title);
        assertThat(api.get("/api/v1/staff/canned-replies?unit=GD-4401-LEGAL-AID", HttpApi.basic("handler-sz")).status())
                .isEqualTo(403);
        assertThat(send(api, "PUT", one, Map.of("title", "改掉", "text", "改掉的内容"), "handler-sz").status()).isEqualTo(403);
        assertThat(send(api, "DELETE", one, null, "handler-sz").status()).isEqualTo(403);
        assertThat(send(api, "PUT", one, Map.of("title", "改掉", "text", "改掉的内容"), "dispatcher").status())
                .as("dispatchers read, they do not edit").isEqualTo(403);

        HttpApi.Answer edited = send(api, "PUT", one, Map.of("title", title, "text", "{{citizenName}}您好，请补充材料。"), "admin");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.text("text")).isEqualTo("{{citizenName}}您好，请补充材料。");
        assertThat(send(api, "DELETE", one, null, "handler-gz").status()).isEqualTo(204);
        assertThat(send(api, "DELETE", one, null, "handler-gz").status()).isEqualTo(404);

        // what staff send citizens is audited: who added, changed and deleted the reply, in the unit's name
        List<String> audited = new java.util.ArrayList<>();
        for (JsonNode entry : api.get("/api/v1/admin/audit?action=CANNED_REPLY_CHANGED&limit=200",
                HttpApi.basic("admin")).body().path("items")) {
            audited.add(entry.path("actor").asText() + " " + entry.path("detail").asText());
        }
        assertThat(audited).contains("handler-gz 新增常用回复：广州市法律援助中心“" + title + "”",
                "admin 修改常用回复：广州市法律援助中心“" + title + "”",
                "handler-gz 删除常用回复：广州市法律援助中心“" + title + "”");
    }

    @Test
    void aCannedReplyIsRefusedWithTheFieldNamed() {
        HttpApi api = new HttpApi(port);
        String title = "重名" + ThreadLocalRandom.current().nextInt(1_000_000);
        String[] handler = HttpApi.basic("handler-gz");
        assertThat(api.post("/api/v1/staff/canned-replies", HttpApi.json(Map.of("title", title, "text", "第一条")), handler)
                .status()).isEqualTo(201);

        assertProblem(api.post("/api/v1/staff/canned-replies", HttpApi.json(Map.of("title", title, "text", "第二条")),
                handler), 400, "title");
        assertProblem(api.post("/api/v1/staff/canned-replies", HttpApi.json(Map.of("title", "x".repeat(41), "text", "内容")),
                handler), 400, "title");
        assertProblem(api.post("/api/v1/staff/canned-replies", HttpApi.json(Map.of("title", "变量", "text",
                "您好{{password}}")), handler), 400, "text");
        assertProblem(api.post("/api/v1/staff/canned-replies", HttpApi.json(Map.of("title", "空")), handler), 400, "text");
        assertProblem(api.post("/api/v1/staff/canned-replies", HttpApi.json(Map.of("title", "单位", "text", "内容")),
                HttpApi.basic("admin")), 400, "unitCode");
        assertProblem(api.post("/api/v1/staff/canned-replies", HttpApi.json(Map.of("unitCode", "NO-SUCH", "title", "单位",
                "text", "内容")), HttpApi.basic("admin")), 400, "unitCode");
        assertThat(api.post("/api/v1/staff/canned-replies", HttpApi.json(Map.of("unitCode", "GD-4403-LEGAL-AID",
                "title", "别的单位", "text", "内容")), handler).status()).isEqualTo(403);
        assertThat(send(api, "PUT", "/api/v1/staff/canned-replies/abc", Map.of("title", "t", "text", "x"), "admin")
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/staff/canned-replies", HttpApi.basic("consultant")).status()).isEqualTo(403);
        assertProblem(api.get("/api/v1/staff/canned-replies?unit=GD%00%27--", HttpApi.basic("dispatcher")), 400, "unitCode");
    }

    private HttpApi.Answer send(HttpApi api, String method, String path, Map<String, String> body, String user) {
        byte[] bytes = body == null ? new byte[0] : HttpApi.json(body).getBytes(StandardCharsets.UTF_8);
        return api.request(method, path, "application/json", bytes, HttpApi.basic(user));
    }

    private static List<String> titles(HttpApi.Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().findValuesAsText("title");
    }

    private static void assertProblem(HttpApi.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.text("field")).as(answer.raw().body()).isEqualTo(field);
        assertThat(answer.text("detail")).matches(".*\\p{IsHan}.*");
    }

    private static JsonNode lastOfType(JsonNode ticket, String type) {
        JsonNode found = null;
        for (JsonNode e : ticket.path("timeline")) {
            if (type.equals(e.path("type").asText())) {
                found = e;
            }
        }
        assertThat(found).as("timeline entry " + type).isNotNull();
        return found;
    }

    private static JsonNode find(JsonNode items, String number) {
        for (JsonNode item : items) {
            if (number.equals(item.path("number").asText())) {
                return item;
            }
        }
        return null;
    }
}
