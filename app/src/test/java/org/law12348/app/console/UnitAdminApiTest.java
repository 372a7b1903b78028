package org.law12348.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 19: administrators keep the handling units from the workspace through the JSON API — create,
 * edit, deactivate with the waiting tickets moved to a successor — with every refusal naming its field.
 */
class UnitAdminApiTest extends ConsoleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNITS = "/api/v1/admin/units";

    private ResultActions asAdmin(MockHttpServletRequestBuilder request, Object body) throws Exception {
        return mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", request.contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)).with(csrf())));
    }

    private static Map<String, Object> unit(String code, String name, String type, String region, String phone) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("name", name);
        form.put("type", type);
        form.put("regionCode", region);
        form.put("phone", phone);
        return form;
    }

    private JsonNode listed(String code) throws Exception {
        String body = mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", get(UNITS)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (JsonNode unit : JSON.readTree(body)) {
            if (unit.get("code").asText().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("unit " + code + " not listed");
    }

    @Test
    void deactivatingAUnitSendsItsWaitingTicketsToTheSuccessor() throws Exception {
        String code = "GD-4453-T" + (System.nanoTime() % 100000);
        asAdmin(post(UNITS), unit(code.toLowerCase(), "云浮市临时承办点", "PLATFORM_12348", "445300", null))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.regionName").value(containsString("云浮市")))
                .andExpect(jsonPath("$.typeName").value("12348公共法律服务平台"));
        asAdmin(put(UNITS + "/" + code), unit(null, "云浮市临时承办点（二）", "PLATFORM_12348", "445302", "0766-12348"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("云浮市临时承办点（二）"))
                .andExpect(jsonPath("$.regionCode").value("445302")).andExpect(jsonPath("$.phone").value("0766-12348"));
        String number = submit("MEDIATION", "445302", newPhone(), "邻里纠纷，希望人民调解。");
        relay.relayPending(); // the process starts now, not while the reassignment waits for the ticket's row
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER", post("/api/v1/staff/tickets/" + number + "/reassign")
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\":\"" + code + "\",\"reason\":\"临时承办点试点\"}")
                .with(csrf()))).andExpect(status().isOk());
        assertThat(listed(code).get("waitingTickets").asLong()).as("what the confirmation tells").isEqualTo(1);

        asAdmin(post(UNITS + "/" + code + "/deactivate"), Map.of("successor", "GD-4453-12348", "reason", "试点结束"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.movedTickets").value(1))
                .andExpect(jsonPath("$.successorName").value("云浮市12348公共法律服务平台"));

        assertThat(unitOf(number)).isEqualTo("GD-4453-12348");
        JsonNode gone = listed(code);
        assertThat(gone.get("active").asBoolean()).isFalse();
        assertThat(gone.get("waitingTickets").asLong()).isZero();
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER", get("/api/v1/staff/units")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(code))));
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER", get("/api/v1/staff/tickets/" + number)))
                .andExpect(content().string(containsString("停用，转至云浮市12348公共法律服务平台：试点结束")));
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", get("/api/v1/admin/routing/audit")))
                .andExpect(content().string(containsString("UNIT_DEACTIVATE")));
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", get("/api/v1/admin/audit").param("action", "UNIT_CHANGED")))
                .andExpect(content().string(containsString("停用承办单位 云浮市临时承办点（二），1件待办工单转至 云浮市12348公共法律服务平台：试点结束")));
    }

    @Test
    void theFirstReceiptAfterAUnitIsRenamedCarriesItsNewName() throws Exception {
        JsonNode first = receipt("MEDIATION", "445302", newPhone(), "邻居装修噪音扰民，想请人民调解。");
        String code = first.get("handlingUnit").asText();
        String name = first.get("handlingUnitName").asText();
        Map<String, Object> unit = jdbc.queryForMap("select type, region_code, phone from handling_unit where code = ?", code);
        try {
            rename(code, name + "（更名）", unit);
            assertThat(receipt("MEDIATION", "445302", newPhone(), "楼上漏水不肯维修，想请人民调解。")
                    .get("handlingUnitName").asText()).isEqualTo(name + "（更名）");
        } finally {
            rename(code, name, unit);
        }
    }

    private void rename(String code, String name, Map<String, Object> unit) throws Exception {
        asAdmin(put(UNITS + "/" + code), unit(null, name, (String) unit.get("type"), (String) unit.get("region_code"),
                (String) unit.get("phone"))).andExpect(status().isOk()).andExpect(jsonPath("$.name").value(name));
    }

    @Test
    void refusalsNameTheFieldInChinese() throws Exception {
        asAdmin(post(UNITS), unit("x", "坏单位", "PLATFORM_12348", "445300", null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("code"))
                .andExpect(jsonPath("$.detail").value("单位编码应为3到64位大写字母、数字或连字符"));
        asAdmin(post(UNITS), unit("GD-4453-12348", "重复单位", "PLATFORM_12348", "445300", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("unit.exists"));
        asAdmin(post(UNITS), unit("GD-4453-NEW1", "新单位", "NOPE", "445300", null))
                .andExpect(jsonPath("$.field").value("type"));
        asAdmin(post(UNITS), unit("GD-4453-NEW1", "新单位", "PLATFORM_12348", "999999", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("regionCode"));
        asAdmin(post(UNITS), unit("GD-4453-NEW1", "新", "PLATFORM_12348", "445300", null))
                .andExpect(jsonPath("$.field").value("name"));
        asAdmin(put(UNITS + "/GD-4453-12348"), unit(null, "云浮市12348公共法律服务平台", "PLATFORM_12348", "445300", "电话"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("phone"));
        asAdmin(put(UNITS + "/NO-SUCH-UNIT"), unit(null, "不存在", "PLATFORM_12348", "445300", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("unit.unknown"));
        asAdmin(post(UNITS + "/GD-4453-12348/deactivate"), Map.of("successor", "GD-4453-12348", "reason", "自己接收"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("successor"));
        asAdmin(post(UNITS + "/GD-4453-12348/deactivate"), Map.of("reason", "没有接收单位"))
                .andExpect(jsonPath("$.field").value("successor"));
        asAdmin(post(UNITS + "/GD-4453-12348/deactivate"), Map.of("successor", "GD-4400-LEGAL-AID"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(StaffTicketActionsTest.as("admin", "ADMIN", post(UNITS).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": [1]}").with(csrf()))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("code"));
        assertThat(listed("GD-4453-12348").get("active").asBoolean()).as("refusals change nothing").isTrue();
    }

    @Test
    void onlyAdministratorsKeepUnits() throws Exception {
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER", get(UNITS))).andExpect(status().isForbidden());
        mvc.perform(StaffTicketActionsTest.as("handler-gz", "UNIT_HANDLER", post(UNITS + "/GD-4401-LEGAL-AID/deactivate")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"successor\":\"GD-4400-LEGAL-AID\",\"reason\":\"越权\"}")
                        .with(csrf())))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("access.denied"));
        assertThat(jdbc.queryForObject("select active from handling_unit where code = 'GD-4401-LEGAL-AID'", Boolean.class))
                .isTrue();
    }
}
