package org.law12348.app.console;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every console action, who may take it, and what it leaves on the timeline. */
class ConsoleTicketActionsTest extends ConsoleTestSupport {

    static MockHttpServletRequestBuilder as(String username, String role, MockHttpServletRequestBuilder request) {
        return request.with(user(username).roles(role));
    }

    ResultActions action(String username, String role, String number, String verb, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post("/console/tickets/" + number + "/" + verb).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(as(username, role, request));
    }

    @Test
    void queueFiltersByRegionAndBusinessTypeInDeadlineOrder() throws Exception {
        String phone = newPhone();
        String aid = submit("LEGAL_AID", "440106", phone, "公司拖欠工资三个月，想申请法律援助。");
        String notary = submit("NOTARIZATION", "440305", phone, "办理出国留学需要的学历公证。");

        mvc.perform(as("dispatcher", "DISPATCHER", get("/console").param("regionCode", "440100")
                        .param("businessType", "LEGAL_AID")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(aid)))
                .andExpect(content().string(not(containsString(notary))))
                .andExpect(content().string(containsString("工单队列")));
    }

    @Test
    void badFilterValueIsShownInChineseNotAServerError() throws Exception {
        mvc.perform(as("dispatcher", "DISPATCHER", get("/console").param("regionCode", "99")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("行政区划代码应为6位数字")));
        mvc.perform(as("dispatcher", "DISPATCHER", get("/console").param("deadline", "SOON")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("时限状态的取值无效")));
        mvc.perform(as("dispatcher", "DISPATCHER", get("/console").param("cursor", "@@@")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("分页游标无效")));
    }

    @Test
    void unitHandlerSeesOnlyTheirUnitsTicketsAndOthersAre404() throws Exception {
        String phone = newPhone();
        String ours = submit("LEGAL_AID", "440106", phone, "公司拖欠工资三个月，想申请法律援助。");
        String theirs = submit("NOTARIZATION", "440305", phone, "办理出国留学需要的学历公证。");

        mvc.perform(as("handler-gz", "UNIT_HANDLER", get("/console")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ours)))
                .andExpect(content().string(not(containsString(theirs))));
        mvc.perform(as("handler-gz", "UNIT_HANDLER", get("/console/tickets/" + ours)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(theirs))));
        mvc.perform(as("handler-gz", "UNIT_HANDLER", get("/console/tickets/" + theirs)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("工单不存在")));
        for (String verb : new String[] {"note", "answer", "close", "reassign", "reroute", "merge"}) {
            action("handler-gz", "UNIT_HANDLER", theirs, verb, "text", "越权的操作内容", "reason", "越权理由",
                    "unitCode", "GD-4401-LEGAL-AID", "target", ours, "regionCode", "440106",
                    "businessType", "LEGAL_AID")
                    .andExpect(status().isNotFound());
        }
        assertThat(jdbc.queryForObject("select count(*) from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ?", Integer.class, theirs)).isEqualTo(2);
    }

    @Test
    void unitHandlerMayNotReassignRerouteOrMergeEvenTheirOwnTicket() throws Exception {
        String phone = newPhone();
        String ours = submit("LEGAL_AID", "440106", phone, "公司拖欠工资三个月，想申请法律援助。");
        action("handler-gz", "UNIT_HANDLER", ours, "reassign", "unitCode", "GD-4403-12348", "reason", "不属本单位")
                .andExpect(redirectedUrl("/console/tickets/" + ours))
                .andExpect(flash().attribute("error", "你的角色不能转派工单"));
        action("handler-gz", "UNIT_HANDLER", ours, "reroute", "regionCode", "440305", "businessType", "LEGAL_AID",
                "reason", "区划有误")
                .andExpect(flash().attribute("error", "你的角色不能重新分派工单"));
        assertThat(unitOf(ours)).isEqualTo("GD-4401-LEGAL-AID");
    }

    @Test
    void dispatcherReassignsAndTheTimelineSaysWhoAndWhy() throws Exception {
        String number = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");

        action("dispatcher", "DISPATCHER", number, "reassign", "unitCode", "GD-4403-LEGAL-AID", "reason", "当事人在深圳务工")
                .andExpect(redirectedUrl("/console/tickets/" + number))
                .andExpect(flash().attribute("notice", "已转派"));

        assertThat(unitOf(number)).isEqualTo("GD-4403-LEGAL-AID");
        mvc.perform(as("dispatcher", "DISPATCHER", get("/console/tickets/" + number)))
                .andExpect(content().string(containsString("转派至深圳市法律援助中心：当事人在深圳务工")))
                .andExpect(content().string(containsString("dispatcher")));
    }

    @Test
    void reassignWithoutReasonOrToUnknownUnitIsRefusedInChinese() throws Exception {
        String number = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");
        action("dispatcher", "DISPATCHER", number, "reassign", "unitCode", "GD-4403-LEGAL-AID", "reason", "")
                .andExpect(flash().attribute("error", "内容不能为空"));
        action("dispatcher", "DISPATCHER", number, "reassign", "unitCode", "NOPE", "reason", "随便转")
                .andExpect(flash().attribute("error", "承办单位不存在或已停用"));
        assertThat(unitOf(number)).isEqualTo("GD-4401-LEGAL-AID");
    }

    @Test
    void correctingRegionAndTypeReroutesThroughTheRoutingTable() throws Exception {
        String number = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");

        action("dispatcher", "DISPATCHER", number, "reroute", "regionCode", "440305", "businessType", "LEGAL_AID",
                "reason", "来电人实际在深圳南山")
                .andExpect(flash().attribute("notice", "已按更正后的信息重新分派"));

        assertThat(unitOf(number)).isEqualTo("GD-4403-LEGAL-AID");
        assertThat(jdbc.queryForObject("select region_code from ticket where number = ?", String.class, number))
                .isEqualTo("440305");
        mvc.perform(as("dispatcher", "DISPATCHER", get("/console/tickets/" + number)))
                .andExpect(content().string(containsString("更正后重新分派")))
                .andExpect(content().string(containsString("来电人实际在深圳南山")));
        action("dispatcher", "DISPATCHER", number, "reroute", "regionCode", "999999", "businessType", "LEGAL_AID",
                "reason", "试试")
                .andExpect(flash().attribute("error", "行政区划代码 999999 不存在"));
    }

    @Test
    void mergingADuplicateKeepsOneThreadAndLosesNothing() throws Exception {
        String phone = newPhone();
        String kept = submit("LEGAL_AID", "440106", phone, "公司拖欠工资三个月，想申请法律援助。");
        String duplicate = submit("LEGAL_AID", "440106", phone, "再问一次：拖欠工资能不能申请法律援助？");

        action("dispatcher", "DISPATCHER", duplicate, "merge", "target", kept, "reason", "同一事项重复提交")
                .andExpect(flash().attribute("notice", "已合并到目标工单"));

        assertThat(jdbc.queryForMap("select status, merged_into from ticket where number = ?", duplicate))
                .containsEntry("STATUS", "CLOSED").containsEntry("MERGED_INTO", kept);
        mvc.perform(as("dispatcher", "DISPATCHER", get("/console/tickets/" + kept)))
                .andExpect(content().string(containsString("再问一次：拖欠工资能不能申请法律援助？")))
                .andExpect(content().string(containsString("合并重复工单" + duplicate)))
                .andExpect(content().string(containsString(duplicate)));
        action("dispatcher", "DISPATCHER", kept, "merge", "target", kept, "reason", "自己合并自己")
                .andExpect(flash().attribute("error", "不能把工单合并到它自己"));
        action("dispatcher", "DISPATCHER", kept, "merge", "target", "GD20990101-999999", "reason", "不存在的目标")
                .andExpect(flash().attribute("error", "目标工单不存在或无权查看"));
    }

    @Test
    void noteIsInternalAndAnswerAndCloseFollowTheLifecycle() throws Exception {
        String number = submit("LEGAL_AID", "440106", newPhone(), "公司拖欠工资三个月，想申请法律援助。");

        action("handler-gz", "UNIT_HANDLER", number, "note", "text", "已电话联系当事人核实")
                .andExpect(flash().attribute("notice", "备注已添加"));
        action("handler-gz", "UNIT_HANDLER", number, "answer", "text", "请携带身份证和劳动合同到中心申请。")
                .andExpect(flash().attribute("notice", "答复已发送"));
        action("handler-gz", "UNIT_HANDLER", number, "answer", "text", "短")
                .andExpect(flash().attribute("error", "内容至少需要5个字"));
        action("handler-gz", "UNIT_HANDLER", number, "close", "reason", "已答复")
                .andExpect(flash().attribute("notice", "工单已办结"));
        action("handler-gz", "UNIT_HANDLER", number, "close", "reason", "再次办结")
                .andExpect(flash().attribute("error", containsString("已办结")));

        mvc.perform(as("dispatcher", "DISPATCHER", get("/console/tickets/" + number)))
                .andExpect(content().string(containsString("已电话联系当事人核实")))
                .andExpect(content().string(containsString("仅内部可见")))
                .andExpect(content().string(containsString("请携带身份证和劳动合同到中心申请。")));
    }

    @Test
    void consoleIsClosedToConsultantsAndAnonymousVisitors() throws Exception {
        mvc.perform(as("consultant", "CONSULTANT", get("/console"))).andExpect(status().isForbidden());
        mvc.perform(get("/console").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/tickets/GD20261128-000001/note").param("text", "x"))
                .andExpect(status().isForbidden());
    }
}
