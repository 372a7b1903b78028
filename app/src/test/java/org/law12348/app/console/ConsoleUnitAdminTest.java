package org.law12348.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.law12348.workflow.routingadmin.RoutingDeployments;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Unit administration: renaming, deactivating with a successor, and who may do it (the routing audit records it). */
class ConsoleUnitAdminTest extends ConsoleTestSupport {

    @Autowired
    RoutingDeployments deployments;

    @Test
    void onlyAdministratorsChangeUnits() throws Exception {
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
        assertThat(deployments.auditTrail(50)).anyMatch(e -> e.action().equals("UNIT_DEACTIVATE"));
    }
}
