package org.law12348.app.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff ticket actions the workspace calls, through the JSON API on the real engine: the queue's
 * filters and errors, what a unit handler may see and do, reassigning with its reason on the timeline,
 * internal notes, answering and closing. (Merging is {@code MergeApiTest}'s.)
 */
class StaffTicketActionsTest extends ConsoleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    static MockHttpServletRequestBuilder as(String username, String role, MockHttpServletRequestBuilder request) {
        return request.with(user(username).roles(role));
    }

    /** One action on a ticket, its fields as the JSON body. */
    ResultActions action(String username, String role, String number, String verb, String... fields) throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put(fields[i], fields[i + 1]);
        }
        return mvc.perform(as(username, role, post("/api/v1/staff/tickets/" + number + "/" + verb).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))));
    }

    private ResultActions queue(String username, String role, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/staff/tickets");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(as(username, role, request));
    }

    private String view(String username, String role, String number) throws Exception {
        return mvc.perform(as(username, role, get("/api/v1/staff/tickets/" + number)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void queueFiltersByRegionAndBusinessType() throws Exception {
        String phone = newPhone();
        String aid = submit("LEGAL_AID", "440106", phone, "公司拖欠工资三个月，想申请法律援助。");
        String notary = submit("NOTARIZATION", "440305", phone, "办理出国留学需要的学历公证。");

        queue("dispatcher", "DISPATCHER", "regionCode", "440100", "businessType", "LEGAL_AID", "limit", "200")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(aid)))
                .andExpect(content().string(not(containsString(notary))));
    }

    @Test
    void badFilterValueIsAProblemNamingTheField() throws Exception {
        queue("dispatcher", "DISPATCHER", "regionCode", "99")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("regionCode"))
                .andExpect(content().string(containsString("行政区划代码应为6位数字")));
        queue("dispatcher", "DISPATCHER", "cursor", "@@@")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("分页游标无效")));
    }

    @Test
    void unitHandlerSeesOnlyTheirUnitsTicketsAndOthersAre404() throws Exception {
        String phone = newPhone();
        String ours = submit("LEGAL_AID", "440106", phone, "公司拖欠工资三个月，想申请法律援助。");
        String theirs = submit("NOTARIZATION", "440305", phone, "办理出国留学需要的学历公证。");

        queue("handler-gz", "UNIT_HANDLER", "limit", "200")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ours)))
                .andExpect(content().string(not(containsString(theirs))));
        assertThat(view("handler-gz", "UNIT_HANDLER", ours)).doesNotContain(theirs);
        mvc.perform(as("handler-gz", "UNIT_HANDLER", get("/api/v1/staff/tickets/" + theirs)))
                .andExpect(status().isNotFound());
        for (String verb : new String[] {"notes", "answer", "close"}) {
            action("handler-gz", "UNIT_HANDLER", theirs, verb, "text", "越权的操作内容", "reason", "越权理由")
                    .andExpect(status().isNotFound());
        }
        // reassigning and merging are for dispatchers: refused before the ticket is even looked up
        action("handler-gz", "UNIT_HANDLER", theirs, "reassign", "unitCode", "GD-4401-LEGAL-AID", "reason", "越权理由")
                .andExpect(status().isForbidden());
        action("handler-gz", "UNIT_HANDLER", theirs, "merge", "target", ours, "reason", "越权理由")
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ?", Integer.class, theirs)).isEqualTo(2);
    }

    @Test
    void unitHandlerMayNotReassignOrMergeEvenTheirOwnTicket() throws Exception {
        String phone = newPhone();
        String ours = submit("LEGAL_AID", "440106", phone, "公司拖欠工资三个月，想申请法律援助。");
        String other = submit("LEGAL_AID", "440106", phone, "再问一次：拖欠工资能不能申请法律援助？");
        action("handler-gz", "UNIT_HANDLER", ours, "reassign", "unitCode", "GD-4403-12348", "reason", "不属本单位")
                .andExpect(status().isForbidden());
        action("handler-gz", "UNIT_HANDLER", ours, "merge", "target", other, "reason", "重复")
                .andExpect(status().isForbidden());
        assertThat(unitOf(ours)).isEqualTo("GD-4401-LEGAL-AID");
    }

    @Test
    void dispatcherReassignsAndTheTimelineSaysWhoAndWhy() throws Exception {
        String number = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");

        action("dispatcher", "DISPATCHER", number, "reassign", "unitCode", "GD-4403-LEGAL-AID", "reason", "当事人在深圳务工")
                .andExpect(status().isOk());

        assertThat(unitOf(number)).isEqualTo("GD-4403-LEGAL-AID");
        assertThat(view("dispatcher", "DISPATCHER", number))
                .contains("转派至深圳市法律援助中心：当事人在深圳务工").contains("dispatcher");
    }

    @Test
    void reassignWithoutReasonOrToUnknownUnitIsRefusedNamingTheField() throws Exception {
        String number = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");
        action("dispatcher", "DISPATCHER", number, "reassign", "unitCode", "GD-4403-LEGAL-AID", "reason", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"))
                .andExpect(content().string(containsString("内容不能为空")));
        action("dispatcher", "DISPATCHER", number, "reassign", "unitCode", "NOPE", "reason", "随便转")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("unitCode"))
                .andExpect(content().string(containsString("承办单位不存在或已停用")));
        assertThat(unitOf(number)).isEqualTo("GD-4401-LEGAL-AID");
    }

    @Test
    void noteIsInternalAndAnswerAndCloseFollowTheLifecycle() throws Exception {
        var receipt = receipt("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");
        String number = receipt.get("number").asText();

        action("handler-gz", "UNIT_HANDLER", number, "notes", "text", "已电话联系当事人核实").andExpect(status().isOk());
        action("handler-gz", "UNIT_HANDLER", number, "answer", "text", "请携带身份证和劳动合同到中心申请。")
                .andExpect(status().isOk());
        action("handler-gz", "UNIT_HANDLER", number, "answer", "text", "短")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("内容至少需要5个字")));
        action("handler-gz", "UNIT_HANDLER", number, "close", "reason", "已答复").andExpect(status().isOk());
        action("handler-gz", "UNIT_HANDLER", number, "close", "reason", "再次办结")
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(containsString("已办结")));

        assertThat(view("dispatcher", "DISPATCHER", number))
                .contains("已电话联系当事人核实").contains("请携带身份证和劳动合同到中心申请。");
        // the note is internal: the citizen reads the answer only
        String citizenView = mvc.perform(get("/api/v1/tickets/" + number)
                        .header("X-Tracking-Token", receipt.get("trackingToken").asText()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(citizenView).doesNotContain("已电话联系当事人核实").contains("请携带身份证和劳动合同到中心申请。");
    }

    @Test
    void staffActionsAreClosedToConsultantsAndAnonymousCallers() throws Exception {
        queue("consultant", "CONSULTANT").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/staff/tickets")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/staff/tickets/GD20261128-000001/notes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\"}")).andExpect(status().is4xxClientError());
    }
}
