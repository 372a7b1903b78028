package org.law12348.telephony;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.telephony.TelephonyTestApp.MutableClock;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.internal.calls.CallbackTasks;
import org.law12348.telephony.peer.AgiCall;
import org.law12348.telephony.peer.AsteriskAgiPeer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's hotline endpoints over MockMvc, on calls made through the real FastAGI server. */
class StaffCallApiTest extends HotlineIntegrationTest {

    static final Instant MONDAY_10_00 = Instant.parse("2026-11-30T02:00:00Z");
    static final Instant SATURDAY_10_00 = Instant.parse("2026-12-05T02:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired CallRecords calls;
    @Autowired CallbackTasks callbacks;
    @Autowired org.law12348.ticketing.CitizenCallbacks citizenCallbacks;
    @Autowired JdbcTemplate jdbc;
    @Autowired PersonalDataCipher cipher;

    @AfterEach
    void resetClock() {
        clock.set(MONDAY_10_00);
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void listsCallsAndACallersHistoryToADispatcher() throws Exception {
        clock.set(MONDAY_10_00);
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795879000.1", "13912345678").keys("4", AgiCall.TIMEOUT));

        mvc.perform(get("/api/v1/staff/calls").param("phone", "13912345678"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].callId").value("1795879000.1"))
                .andExpect(jsonPath("$.items[0].outcomeName").value("排队中"))
                .andExpect(jsonPath("$.items[0].businessTypeName").value("人民调解"))
                .andExpect(jsonPath("$.items[0].queue").value("mediation"))
                .andExpect(jsonPath("$.items[0].callerPhone").value("139****5678"));
        mvc.perform(get("/api/v1/staff/callers/13912345678/history"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("139****5678"))
                .andExpect(jsonPath("$.calls[0].callerPhone").value("139****5678"))
                .andExpect(jsonPath("$.calls[0].callId").value("1795879000.1"))
                .andExpect(jsonPath("$.openTickets").isEmpty());
    }

    @Test
    @WithMockUser(username = "volunteer1", roles = "CONSULTANT")
    void refusesTheCallLogToAConsultantWithAChineseProblem() throws Exception {
        mvc.perform(get("/api/v1/staff/calls"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.denied"))
                .andExpect(jsonPath("$.detail").value("你的角色不能查看通话记录"));
    }

    @Test
    @WithMockUser(username = "lawyer1", roles = "DISPATCHER")
    void turnsADutyLawyersSummaryIntoAPhoneTicketLinkedToTheCall() throws Exception {
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795879000.2", "13912345679").keys("2", AgiCall.TIMEOUT));

        mvc.perform(post("/api/v1/staff/calls/1795879000.2/summary").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"来电人咨询工伤认定后申请法律援助的条件，已告知需提交的材料。\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ticketCreated").value(true));

        String number = calls.findByCallId("1795879000.2").orElseThrow().ticketNumber();
        Map<String, Object> row = jdbc.queryForMap(
                "select channel, business_type, contact_phone_enc from ticket where number = ?", number);
        assertThat(row).containsEntry("CHANNEL", "PHONE").containsEntry("BUSINESS_TYPE", "LEGAL_AID");
        assertThat((String) row.get("CONTACT_PHONE_ENC")).startsWith("v1:test:").doesNotContain("13912345679");
        assertThat(cipher.decrypt((String) row.get("CONTACT_PHONE_ENC"))).isEqualTo("13912345679");
        mvc.perform(get("/api/v1/staff/callers/13912345679/history"))
                .andExpect(jsonPath("$.openTickets[0].number").value(number));
    }

    @Test
    @WithMockUser(username = "lawyer1", roles = "DISPATCHER")
    void answersNotFoundForTheSummaryOfAnUnknownCall() throws Exception {
        mvc.perform(post("/api/v1/staff/calls/no-such-call/summary").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"小结\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("call.notFound"));
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void schedulesACallbackAskedForOnAWeekendForMondayMorning() throws Exception {
        clock.set(MONDAY_10_00);
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795879000.3", "13912345670").keys("1", AgiCall.TIMEOUT));
        mvc.perform(post("/api/v1/staff/calls/1795879000.3/summary").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"需要律师回电说明诉讼时效。\"}"));
        String number = calls.findByCallId("1795879000.3").orElseThrow().ticketNumber();
        clock.set(SATURDAY_10_00);

        mvc.perform(post("/api/v1/staff/tickets/" + number + "/callback").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agentExtension\":\"8002\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.agentExtension").value("8002"))
                .andExpect(jsonPath("$.dueAt").value("2026-12-07T00:30:00Z"));
        mvc.perform(post("/api/v1/staff/tickets/GD20991231-999999/callback").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());

        // what the citizen's mini-program shows through ticketing's port
        var owed = citizenCallbacks.onTickets(java.util.List.of(number));
        org.assertj.core.api.Assertions.assertThat(owed).singleElement().satisfies(c -> {
            org.assertj.core.api.Assertions.assertThat(c.statusName()).isEqualTo("待回拨");
            org.assertj.core.api.Assertions.assertThat(c.dueAt()).isEqualTo(java.time.Instant.parse("2026-12-07T00:30:00Z"));
        });
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void theWallboardWithoutAmiSaysSoAndStillShowsTheCallLogsFigures() throws Exception {
        clock.set(MONDAY_10_00);
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from("1795879000.20", "13912345620").keys("4", AgiCall.TIMEOUT));

        mvc.perform(get("/api/v1/staff/wallboard"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pbx").value("OFF"))
                .andExpect(jsonPath("$.pbxName").value("未接入电话交换机"))
                .andExpect(jsonPath("$.queues[0].queueName").value("法律咨询"))
                .andExpect(jsonPath("$.queues[0].waiting").isEmpty())
                .andExpect(jsonPath("$.queues[?(@.queue == 'mediation')].answeredToday").value(0));
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void listsOpenCallbacksAndRefusesAnUnknownStateByName() throws Exception {
        mvc.perform(get("/api/v1/staff/callbacks").param("status", "OPEN")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/staff/callbacks").param("status", "PENDING,HANDED_OVER")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/staff/callbacks").param("status", "PENDING,LOST"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("status"));
    }
}
