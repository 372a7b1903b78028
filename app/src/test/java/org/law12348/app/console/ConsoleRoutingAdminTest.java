package org.law12348.app.console;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Routing administration: validation, what-if replay, deployment, roll-back and the audit trail (units: UnitAdminApiTest). */
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
        mvc.perform(ConsoleTicketActionsTest.as("admin", "ADMIN", multipart("/admin/routing/draft")
                        .file(new MockMultipartFile("file", "routing.dmn", "application/xml",
                                guangzhouAidToProvince().getBytes(StandardCharsets.UTF_8)))
                        .param("days", "7").session(session).with(csrf())))
                .andExpect(flash().attribute("notice", "草稿已上传并完成校验"));
        mvc.perform(ConsoleTicketActionsTest.as("admin", "ADMIN", get("/admin/routing").session(session)))
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
        mvc.perform(ConsoleTicketActionsTest.as("admin", "ADMIN", multipart("/admin/routing/draft")
                        .file(new MockMultipartFile("file", "x.dmn", "application/xml", "垃圾".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())))
                .andExpect(flash().attribute("error", containsString("文件不是有效的DMN")));
    }

    @Test
    void deployedVersionRoutesNewTicketsAtOnceAndRollBackRestoresIt() throws Exception {
        String before = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");
        int current = deployments.versions().get(0).version();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(ConsoleTicketActionsTest.as("admin", "ADMIN", multipart("/admin/routing/draft")
                .file(new MockMultipartFile("file", "routing.dmn", "application/xml",
                        guangzhouAidToProvince().getBytes(StandardCharsets.UTF_8)))
                .session(session).with(csrf())));
        try {
            mvc.perform(ConsoleTicketActionsTest.as("admin", "ADMIN", post("/admin/routing/deploy")
                            .param("comment", "广州法援暂由省中心承办").session(session).with(csrf())))
                    .andExpect(flash().attribute("notice", containsString("已发布")));
            assertThat(deployments.versions().get(0).version()).isEqualTo(current + 1);
            String after = submit("LEGAL_AID", "440106", newPhone(), "工伤赔偿被拒，想申请法律援助。");
            assertThat(unitOf(after)).isEqualTo("GD-4400-LEGAL-AID");
            assertThat(unitOf(before)).isEqualTo("GD-4401-LEGAL-AID");
        } finally {
            mvc.perform(ConsoleTicketActionsTest.as("admin", "ADMIN", post("/admin/routing/rollback")
                            .param("version", String.valueOf(current)).with(csrf())))
                    .andExpect(flash().attribute("notice", containsString("已回滚到版本" + current)));
        }
        String restored = submit("LEGAL_AID", "440106", newPhone(), "被拖欠劳务费，想申请法律援助。");
        assertThat(unitOf(restored)).isEqualTo("GD-4401-LEGAL-AID");
        mvc.perform(ConsoleTicketActionsTest.as("admin", "ADMIN", get("/admin/routing")))
                .andExpect(content().string(containsString("广州法援暂由省中心承办")))
                .andExpect(content().string(containsString("ROLLBACK")));
    }

    @Test
    void onlyAdministratorsReachRoutingAdministration() throws Exception {
        mvc.perform(ConsoleTicketActionsTest.as("dispatcher", "DISPATCHER", get("/admin/routing")))
                .andExpect(status().isForbidden());
        mvc.perform(ConsoleTicketActionsTest.as("dispatcher", "DISPATCHER", post("/admin/routing/rollback")
                .param("version", "1").with(csrf()))).andExpect(status().isForbidden());
    }
}
