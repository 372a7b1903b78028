package org.law12348.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.law12348.workflow.routingadmin.DraftReport;
import org.law12348.workflow.routingadmin.RoutingDeployments;
import org.law12348.workflow.routingadmin.RoutingDrafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Routing administration: validation, what-if replay, deployment, roll-back, units and the audit trail. */
class ConsoleRoutingAdminTest extends ConsoleTestSupport {

    private static final String GZ_AID = "<outputEntry id=\"R-4401-LEGAL-AID-unit\"><text>\"GD-4401-LEGAL-AID\"</text>";

    @Autowired
    RoutingDeployments deployments;
    @Autowired
    RoutingDrafts drafts;

    /** The table in force, with Guangzhou's legal aid sent to the provincial legal-aid centre instead. */
    String guangzhouAidToProvince() {
        String xml = deployments.xml(null);
        assertThat(xml).contains(GZ_AID);
        return xml.replace(GZ_AID, GZ_AID.replace("GD-4401-LEGAL-AID\"</text>", "GD-4400-LEGAL-AID\"</text>"));
    }

    @Test
    void whatIfShowsGuangzhouLegalAidMovingToTheProvincialCentre() throws Exception {
        submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");
        submit("NOTARIZATION", "440305", newPhone(), "办理出国留学需要的学历公证。");
        Integer guangzhouAid = jdbc.queryForObject("select count(*) from ticket where region_code like '4401%' "
                        + "and business_type = 'LEGAL_AID' and created_at >= ?", Integer.class,
                Instant.now().minus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));

        DraftReport report = drafts.check(guangzhouAidToProvince(), 7);

        assertThat(report.problems()).isEmpty();
        assertThat(report.whatIf().changed()).isEqualTo(guangzhouAid).isPositive();
        assertThat(report.whatIf().moves()).containsExactly(
                new DraftReport.Move("GD-4401-LEGAL-AID", "UNIT", "GD-4400-LEGAL-AID", "UNIT", guangzhouAid));

        MockHttpSession session = new MockHttpSession();
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", multipart("/admin/routing/draft")
                        .file(new MockMultipartFile("file", "routing.dmn", "application/xml",
                                guangzhouAidToProvince().getBytes(StandardCharsets.UTF_8)))
                        .param("days", "7").session(session).with(csrf())))
                .andExpect(flash().attribute("notice", "草稿已上传并完成校验"));
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", get("/admin/routing").session(session)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("校验通过")))
                .andExpect(content().string(containsString("id=\"whatif-changed\">" + guangzhouAid + "<")))
                .andExpect(content().string(containsString("GD-4400-LEGAL-AID")));
    }

    @Test
    void validationNamesUnknownUnitsUncoveredTypesAndUnreadableFiles() {
        String unknownUnit = guangzhouAidToProvince().replace("\"GD-4400-LEGAL-AID\"</text>", "\"GD-NOPE\"</text>");
        assertThat(drafts.validate(unknownUnit)).anyMatch(p -> p.contains("GD-NOPE 不存在或已停用"));

        String xml = deployments.xml(null);
        String noFallback = xml.substring(0, xml.indexOf("<rule id=\"R-4400-POOL\">"))
                + xml.substring(xml.indexOf("</decisionTable>"));
        assertThat(drafts.validate(noFallback)).anyMatch(p -> p.contains("没有匹配的规则"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> drafts.validate("<definitions>not dmn"))
                .hasMessageContaining("文件不是有效的DMN");
    }

    @Test
    void garbageUploadIsRefusedInChinese() throws Exception {
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", multipart("/admin/routing/draft")
                        .file(new MockMultipartFile("file", "x.dmn", "application/xml", "垃圾".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())))
                .andExpect(flash().attribute("error", containsString("文件不是有效的DMN")));
    }

    @Test
    void deployedVersionRoutesNewTicketsAtOnceAndRollBackRestoresIt() throws Exception {
        String before = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");
        int current = deployments.versions().get(0).version();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", multipart("/admin/routing/draft")
                .file(new MockMultipartFile("file", "routing.dmn", "application/xml",
                        guangzhouAidToProvince().getBytes(StandardCharsets.UTF_8)))
                .session(session).with(csrf())));
        try {
            mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", post("/admin/routing/deploy")
                            .param("comment", "广州法援暂由省中心承办").session(session).with(csrf())))
                    .andExpect(flash().attribute("notice", containsString("已发布")));
            assertThat(deployments.versions().get(0).version()).isEqualTo(current + 1);
            String after = submit("LEGAL_AID", "440106", newPhone(), "工伤赔偿被拒，想申请法律援助。");
            assertThat(unitOf(after)).isEqualTo("GD-4400-LEGAL-AID");
            assertThat(unitOf(before)).isEqualTo("GD-4401-LEGAL-AID");
        } finally {
            mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", post("/admin/routing/rollback")
                            .param("version", String.valueOf(current)).with(csrf())))
                    .andExpect(flash().attribute("notice", containsString("已回滚到版本" + current)));
        }
        String restored = submit("LEGAL_AID", "440106", newPhone(), "被拖欠劳务费，想申请法律援助。");
        assertThat(unitOf(restored)).isEqualTo("GD-4401-LEGAL-AID");
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", get("/admin/routing")))
                .andExpect(content().string(containsString("广州法援暂由省中心承办")))
                .andExpect(content().string(containsString("ROLLBACK")));
    }

    @Test
    void onlyAdministratorsReachRoutingAdministration() throws Exception {
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER", get("/admin/routing")))
                .andExpect(status().isForbidden());
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER", post("/admin/routing/rollback")
                .param("version", "1").with(csrf()))).andExpect(status().isForbidden());
        mvc.perform(StaffTicketActionsTest.as("handler-gz", "UNIT_HANDLER", post("/admin/units/deactivate")
                .param("code", "GD-4401-LEGAL-AID").with(csrf()))).andExpect(status().isForbidden());
    }

    @Test
    void theFirstReceiptAfterAUnitIsRenamedCarriesItsNewName() throws Exception {
        JsonNode first = receipt("MEDIATION", "445302", newPhone(), "邻居装修噪音扰民，想请人民调解。");
        String code = first.get("handlingUnit").asText();
        String name = first.get("handlingUnitName").asText();
        Map<String, Object> unit = jdbc.queryForMap("select type, region_code, phone from handling_unit where code = ?", code);
        try {
            renameUnit(code, name + "（更名）", unit);
            assertThat(receipt("MEDIATION", "445302", newPhone(), "楼上漏水不肯维修，想请人民调解。")
                    .get("handlingUnitName").asText()).isEqualTo(name + "（更名）");
        } finally {
            renameUnit(code, name, unit);
        }
    }

    private void renameUnit(String code, String name, Map<String, Object> unit) throws Exception {
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", post("/admin/units/edit").param("code", code)
                        .param("name", name).param("type", (String) unit.get("type"))
                        .param("regionCode", (String) unit.get("region_code"))
                        .param("phone", unit.get("phone") == null ? "" : (String) unit.get("phone")).with(csrf())))
                .andExpect(flash().attribute("notice", "已保存 " + name));
    }

    @Test
    void deactivatingAUnitSendsItsWaitingTicketsToTheSuccessor() throws Exception {
        String code = "GD-4453-T" + (System.nanoTime() % 100000);
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", post("/admin/units/create").param("code", code)
                        .param("name", "云浮市临时承办点").param("type", "PLATFORM_12348").param("regionCode", "445300")
                        .with(csrf())))
                .andExpect(flash().attribute("notice", "已新增承办单位 云浮市临时承办点"));
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", post("/admin/units/edit").param("code", code)
                        .param("name", "云浮市临时承办点（二）").param("type", "PLATFORM_12348").param("regionCode", "445300")
                        .param("phone", "0766-12348").with(csrf())))
                .andExpect(flash().attribute("notice", "已保存 云浮市临时承办点（二）"));
        String number = submit("MEDIATION", "445302", newPhone(), "邻里纠纷，希望人民调解。");
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER", post("/console/tickets/" + number + "/reassign")
                .param("unitCode", code).param("reason", "临时承办点试点").with(csrf())));
        assertThat(unitOf(number)).isEqualTo(code);

        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", post("/admin/units/deactivate").param("code", code)
                        .param("successor", "GD-4453-12348").param("reason", "试点结束").with(csrf())))
                .andExpect(flash().attribute("notice", containsString("1件未办结工单已转至 GD-4453-12348")));

        assertThat(unitOf(number)).isEqualTo("GD-4453-12348");
        assertThat(jdbc.queryForObject("select active from handling_unit where code = ?", Boolean.class, code)).isFalse();
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER", get("/console/tickets/" + number)))
                .andExpect(content().string(containsString("停用，转至云浮市12348公共法律服务平台：试点结束")));
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", post("/admin/units/create").param("code", "x")
                        .param("name", "坏").param("type", "NOPE").param("regionCode", "445300").with(csrf())))
                .andExpect(flash().attribute("error", "单位编码应为3到64位大写字母、数字或连字符"));
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", get("/admin/routing")))
                .andExpect(content().string(containsString("UNIT_DEACTIVATE")));
    }
}
