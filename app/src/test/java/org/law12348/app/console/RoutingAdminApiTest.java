package org.law12348.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.TicketDeadlines;
import org.law12348.workflow.routingadmin.RoutingDeployments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The workspace's routing administration API on the real engine: a draft's check points at the cells
 * it is about, its what-if speaks in names with example tickets, a deployment routes new tickets at
 * once, roll-back restores the table, versions differ in names, and bad input is a named problem.
 */
class RoutingAdminApiTest extends ConsoleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v1/admin/routing";
    private static final String GZ_AID = "<outputEntry id=\"R-4401-LEGAL-AID-unit\"><text>\"GD-4401-LEGAL-AID\"</text>";

    private static final String GZ_HANDOVER = "<outputEntry id=\"H-4401-unit\"><text>\"GD-4401-OUTSOURCED\"</text>";

    @Autowired
    RoutingDeployments deployments;

    @Autowired
    TicketDeadlines deadlines;

    /** The table in force, with Guangzhou's legal aid sent to the provincial legal-aid centre instead. */
    String guangzhouAidToProvince() {
        String xml = deployments.xml(null);
        assertThat(xml).contains(GZ_AID);
        return xml.replace(GZ_AID, GZ_AID.replace("GD-4401-LEGAL-AID\"</text>", "GD-4400-LEGAL-AID\"</text>"));
    }

    @Test
    void whatIfNamesTheUnitsRegionsAndExampleTicketsThatWouldMove() throws Exception {
        String ticket = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");
        submit("NOTARIZATION", "440305", newPhone(), "办理出国留学需要的学历公证。");
        Integer guangzhouAid = jdbc.queryForObject("select count(*) from ticket where region_code like '4401%' "
                        + "and business_type = 'LEGAL_AID' and created_at >= ?", Integer.class,
                Instant.now().minus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));

        JsonNode report = ok(admin(post(BASE + "/validate"), Map.of("xml", guangzhouAidToProvince(), "days", 7)));

        assertThat(report.get("problems")).isEmpty();
        assertThat(report.at("/whatIf/changed").asInt()).isEqualTo(guangzhouAid).isPositive();
        assertThat(report.at("/whatIf/moves")).hasSize(1);
        JsonNode move = report.at("/whatIf/moves/0");
        assertThat(move.get("fromUnit").asText()).isEqualTo("GD-4401-LEGAL-AID");
        assertThat(move.get("fromUnitName").asText()).isEqualTo(unitName("GD-4401-LEGAL-AID"));
        assertThat(move.get("toUnitName").asText()).isEqualTo(unitName("GD-4400-LEGAL-AID"));
        assertThat(move.get("fromQueueName").asText()).isEqualTo("承办单位");
        assertThat(move.get("tickets").asInt()).isEqualTo(guangzhouAid);
        assertThat(move.get("examples").toString()).contains(ticket);
        assertThat(move.get("regions").toString()).contains("广东省广州市天河区");
    }

    @Test
    void problemsPointAtTheRuleAndColumnOfTheCell() throws Exception {
        String unknownUnit = guangzhouAidToProvince().replace("\"GD-4400-LEGAL-AID\"</text>", "\"GD-NOPE\"</text>");
        JsonNode report = ok(admin(post(BASE + "/validate"), Map.of("xml", unknownUnit)));
        JsonNode problem = report.at("/problems/0");
        assertThat(problem.get("ruleId").asText()).isEqualTo("R-4401-LEGAL-AID");
        assertThat(problem.get("columnId").asText()).isEqualTo("Output_Unit");
        assertThat(problem.get("ruleIndex").asInt()).isPositive();
        assertThat(problem.get("message").asText()).contains("GD-NOPE 不存在或已停用").contains("承办单位");
        assertThat(report.path("whatIf").isMissingNode() || report.get("whatIf").isNull()).isTrue();

        String badFeel = deployments.xml(null).replace(
                "<inputEntry id=\"R-4401-POOL-city\"><text>&quot;4401&quot;</text>",
                "<inputEntry id=\"R-4401-POOL-city\"><text>&quot;4401</text>");
        JsonNode feel = ok(admin(post(BASE + "/validate"), Map.of("xml", badFeel)));
        assertThat(feel.at("/problems/0/ruleId").asText()).isEqualTo("R-4401-POOL");
        assertThat(feel.at("/problems/0/columnId").asText()).isEqualTo("Input_City");
        assertThat(feel.at("/problems/0/message").asText()).contains("条件无法识别");

        String xml = deployments.xml(null);
        String noFallback = xml.substring(0, xml.indexOf("<rule id=\"R-4400-POOL\">"))
                + xml.substring(xml.indexOf("</decisionTable>"));
        JsonNode gaps = ok(admin(post(BASE + "/validate"), Map.of("xml", noFallback)));
        assertThat(gaps.at("/problems/0/message").asText()).contains("没有匹配的规则");
        assertThat(gaps.at("/problems/0/ruleId").isMissingNode() || gaps.at("/problems/0/ruleId").isNull()).isTrue();
    }

    @Test
    void anInvalidDraftIsNotDeployedAndTheRefusalNamesTheCells() throws Exception {
        int current = deployments.versions().get(0).version();
        String unknownUnit = guangzhouAidToProvince().replace("\"GD-4400-LEGAL-AID\"</text>", "\"GD-NOPE\"</text>");
        JsonNode refusal = problem(admin(post(BASE + "/deploy"), Map.of("xml", unknownUnit, "comment", "试一试")), 400);
        assertThat(refusal.get("code").asText()).isEqualTo("dmn.invalid");
        assertThat(refusal.get("field").asText()).isEqualTo("xml");
        assertThat(refusal.at("/problems/0/ruleId").asText()).isEqualTo("R-4401-LEGAL-AID");
        assertThat(refusal.at("/problems/0/columnId").asText()).isEqualTo("Output_Unit");
        assertThat(deployments.versions().get(0).version()).isEqualTo(current);
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        assertField(problem(admin(post(BASE + "/validate"), Map.of("xml", "垃圾")), 400), "xml", "文件不是有效的DMN");
        assertField(problem(admin(post(BASE + "/validate"), Map.of("xml", "<definitions>not dmn")), 400), "xml", "文件不是有效的DMN");
        assertField(problem(admin(post(BASE + "/validate"), Map.of("xml", " ")), 400), "xml", "草稿不能为空");
        // an external entity is never read: a draft is XML from a browser, not a way to read the server's files
        String entity = deployments.xml(null).replaceFirst("<definitions",
                "<!DOCTYPE definitions [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]><definitions")
                .replace("南沙区：除咨询", "&leak;南沙区：除咨询");
        MvcResult leaked = admin(post(BASE + "/validate"), Map.of("xml", entity));
        assertThat(leaked.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("root:");
        assertThat(leaked.getResponse().getStatus()).isEqualTo(400);
        assertField(problem(admin(post(BASE + "/validate"), Map.of("xml", deployments.xml(null), "days", 91)), 400),
                "days", "回放天数");
        assertField(problem(admin(post(BASE + "/validate"), Map.of("xml", "x".repeat(200_001))), 400), "xml", "草稿过大");
        assertField(problem(admin(post(BASE + "/deploy"), Map.of("xml", deployments.xml(null), "comment", " ")), 400),
                "comment", "发布说明");
        assertField(problem(admin(post(BASE + "/deploy"), Map.of("xml", deployments.xml(null), "comment", "长".repeat(201))), 400),
                "comment", "发布说明");
        assertField(problem(admin(post(BASE + "/rollback"), Map.of("version", 999_999)), 404), "version", "不存在");
        assertField(problem(admin(post(BASE + "/rollback"), Map.of()), 400), "version", "请选择");
        int current = deployments.versions().get(0).version();
        assertField(problem(admin(post(BASE + "/rollback"), Map.of("version", current)), 400), "version", "已是现行版本");
        assertField(problem(admin(get(BASE + "/versions/0"), null), 404), "version", "不存在");
        assertField(problem(admin(get(BASE + "/versions/abc"), null), 400), "version", "格式");
        assertField(problem(admin(get(BASE + "/diff?from=1&to=999999"), null), 404), "to", "不存在");
        assertThat(mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", post(BASE + "/validate").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"xml\": 5, "))).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void deployedVersionRoutesNewTicketsAtOnceAndRollBackRestoresIt() throws Exception {
        String before = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");
        int current = deployments.versions().get(0).version();
        int deployed = ok(admin(post(BASE + "/deploy"), Map.of("xml", guangzhouAidToProvince(),
                "comment", "广州法援暂由省中心承办"))).get("version").asInt();
        try {
            assertThat(deployed).isEqualTo(current + 1);
            String after = submit("LEGAL_AID", "440106", newPhone(), "工伤赔偿被拒，想申请法律援助。");
            assertThat(unitOf(after)).isEqualTo("GD-4400-LEGAL-AID");
            assertThat(unitOf(before)).isEqualTo("GD-4401-LEGAL-AID");

            JsonNode diff = ok(admin(get(BASE + "/diff?from=" + current + "&to=" + deployed), null));
            assertThat(diff.get("added")).isEmpty();
            assertThat(diff.get("removed")).isEmpty();
            assertThat(diff.at("/changed/0/ruleId").asText()).isEqualTo("R-4401-LEGAL-AID");
            assertThat(diff.at("/changed/0/cells/0/column").asText()).isEqualTo("承办单位");
            assertThat(diff.at("/changed/0/cells/0/before").asText()).isEqualTo(unitName("GD-4401-LEGAL-AID"));
            assertThat(diff.at("/changed/0/cells/0/after").asText()).isEqualTo(unitName("GD-4400-LEGAL-AID"));
        } finally {
            assertThat(ok(admin(post(BASE + "/rollback"), Map.of("version", current))).get("version").asInt())
                    .isEqualTo(deployed + 1);
        }
        String restored = submit("LEGAL_AID", "440106", newPhone(), "被拖欠劳务费，想申请法律援助。");
        assertThat(unitOf(restored)).isEqualTo("GD-4401-LEGAL-AID");

        JsonNode versions = ok(admin(get(BASE + "/versions"), null));
        assertThat(versions.at("/0/current").asBoolean()).isTrue();
        assertThat(versions.at("/0/comment").asText()).isEqualTo("回滚到版本 " + current);
        assertThat(versions.at("/1/comment").asText()).isEqualTo("广州法援暂由省中心承办");
        assertThat(versions.at("/1/actor").asText()).isEqualTo("admin");
        assertThat(ok(admin(get(BASE + "/versions/" + deployed), null)).get("xml").asText()).contains("GD-4400-LEGAL-AID\"</text>");
        assertThat(ok(admin(get(BASE + "/current"), null)).get("xml").asText()).contains(GZ_AID);
        JsonNode audit = ok(admin(get(BASE + "/audit"), null));
        assertThat(audit.toString()).contains("广州法援暂由省中心承办").contains("ROLLBACK");
    }

    /**
     * Where a question the volunteer pool left unanswered goes is the table's second decision: it is
     * checked like the routing (only active outsourced units), a deployed version is followed by the
     * next hand-over with its deadline, and a table without it hands over by the built-in rule.
     */
    @Test
    void theHandOverOfUnansweredQuestionsFollowsTheDeployedTable() throws Exception {
        String shipped = deployments.xml(null);
        assertThat(shipped).contains(GZ_HANDOVER);
        String toLegalAid = shipped.replace(GZ_HANDOVER, GZ_HANDOVER.replace("GD-4401-OUTSOURCED", "GD-4401-LEGAL-AID"));
        JsonNode refused = ok(admin(post(BASE + "/validate"), Map.of("xml", toLegalAid)));
        assertThat(refused.at("/problems/0/ruleId").asText()).isEqualTo("H-4401");
        assertThat(refused.at("/problems/0/columnId").asText()).isEqualTo("Handover_Unit");
        assertThat(refused.at("/problems/0/message").asText()).startsWith("「24小时无人答复转交」")
                .contains("GD-4401-LEGAL-AID 不是启用中的外包服务单位");

        String toFoshan = shipped.replace(GZ_HANDOVER, GZ_HANDOVER.replace("GD-4401-OUTSOURCED", "GD-4406-OUTSOURCED"))
                .replace("<outputEntry id=\"H-4401-hours\"><text>48</text>", "<outputEntry id=\"H-4401-hours\"><text>72</text>");
        assertThat(handedOverUnder(toFoshan, Duration.ofHours(72))).isEqualTo("GD-4406-OUTSOURCED");

        String withoutHandOver = shipped.substring(0, shipped.indexOf("<decision id=\"outsourced-handover\""))
                + "</definitions>\n";
        assertThat(handedOverUnder(withoutHandOver, Duration.ofHours(48))).isEqualTo("GD-4401-OUTSOURCED");
    }

    /** Deploys the table, hands a fresh pool question from Guangzhou over, rolls back; answers its unit. */
    private String handedOverUnder(String xml, Duration deadline) throws Exception {
        int current = deployments.versions().get(0).version();
        ok(admin(post(BASE + "/deploy"), Map.of("xml", xml, "comment", "调整24小时无人答复的转交单位")));
        try {
            String pooled = submit("LEGAL_CONSULTATION", "440106", newPhone(), "公司不给签劳动合同，我该怎么办？");
            assertThat(jdbc.queryForObject("select routing_queue from ticket where number = ?", String.class, pooled))
                    .isEqualTo("VOLUNTEER_POOL");
            Instant due = deadlines.handOverToOutsourcedUnit(pooled, "志愿者咨询池24小时内无人答复").orElseThrow();
            assertThat(due).isBetween(Instant.now().plus(deadline).minusSeconds(120), Instant.now().plus(deadline));
            return unitOf(pooled);
        } finally {
            ok(admin(post(BASE + "/rollback"), Map.of("version", current)));
        }
    }

    @Test
    void onlyAdministratorsReachRoutingAdministration() throws Exception {
        assertThat(status(StaffTicketActionsTest.as("dispatcher", "DISPATCHER", get(BASE + "/versions")))).isEqualTo(403);
        assertThat(status(StaffTicketActionsTest.as("dispatcher", "DISPATCHER", post(BASE + "/rollback")
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}")))).isEqualTo(403);
        assertThat(status(StaffTicketActionsTest.as("handler-gz", "UNIT_HANDLER", post(BASE + "/deploy")
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"xml\":\"x\",\"comment\":\"x\"}"))))
                .isEqualTo(403);
    }

    private String unitName(String code) {
        return jdbc.queryForObject("select name from handling_unit where code = ?", String.class, code);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private MvcResult admin(MockHttpServletRequestBuilder request, Map<String, ?> body) throws Exception {
        if (body != null) {
            request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(new LinkedHashMap<>(body)));
        }
        return mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", request)).andReturn();
    }

    private static JsonNode ok(MvcResult result) throws Exception {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);
        return JSON.readTree(body);
    }

    private static JsonNode problem(MvcResult result, int status) throws Exception {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return JSON.readTree(body);
    }

    private static void assertField(JsonNode problem, String field, String detail) {
        assertThat(problem.get("field").asText()).as(problem.toString()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).as(problem.toString()).contains(detail);
    }
}
