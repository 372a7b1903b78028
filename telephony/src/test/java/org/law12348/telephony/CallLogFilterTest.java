package org.law12348.telephony;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.law12348.telephony.internal.calls.CallLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The call log's filters and pages, and the problem every malformed filter gets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallLogFilterTest extends AmiDeskIntegrationTest {

    /** A Wednesday only this test makes calls on. */
    static final Instant DAY = Instant.parse("2026-12-09T00:00:00Z");
    static final String FROM = "2026-12-09T00:00:00Z";
    static final String TO = "2026-12-10T00:00:00Z";

    @Autowired MockMvc mvc;
    @Autowired CallLog calls;

    @BeforeAll
    void fiveCalls() {
        // Guangzhou, answered by Agent One after 5 s
        calls.record("1795990500.1", "13800005001", DAY.plusSeconds(3600), c -> {
            c.identify("13800005001", "440106");
            c.queued("legal-consultation", DAY.plusSeconds(3600));
            c.connected("Agent One", 5, DAY.plusSeconds(3605));
        });
        // Shenzhen, abandoned in the mediation queue
        calls.record("1795990500.2", "13800005002", DAY.plusSeconds(7200), c -> {
            c.identify("13800005002", "440300");
            c.queued("mediation", DAY.plusSeconds(7200));
            c.abandoned(40);
        });
        // Guangzhou, hung up in the menu with a too-short message recorded
        calls.record("1795990500.3", "13800005003", DAY.plusSeconds(10800), c -> {
            c.identify("13800005003", "440104");
            c.messageTooShort(RECORDINGS + "/hotline-1795990500.3.wav", DAY.plusSeconds(10830));
        });
        // Beijing, answered by Agent Two
        calls.record("1795990500.4", "13800005004", DAY.plusSeconds(14400), c -> {
            c.identify("13800005004", "110101");
            c.queued("legal-consultation", DAY.plusSeconds(14400));
            c.connected("Agent Two", 12, DAY.plusSeconds(14412));
        });
        // the same caller as the first, the day after: outside the period
        calls.record("1795990500.5", "13800005001", DAY.plusSeconds(90000), c -> c.identify("13800005001", "440106"));
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void filtersByEveryCriterionAndPages() throws Exception {
        mvc.perform(day()).andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[*].callId").value(contains("1795990500.4", "1795990500.3",
                        "1795990500.2", "1795990500.1")));
        mvc.perform(day().param("region", "440100")).andExpect(jsonPath("$.items[*].callId")
                .value(containsInAnyOrder("1795990500.1", "1795990500.3")));
        mvc.perform(day().param("region", "440000")).andExpect(jsonPath("$.total").value(3));
        mvc.perform(day().param("region", "440106")).andExpect(jsonPath("$.items[*].callId")
                .value(contains("1795990500.1")));
        mvc.perform(day().param("queue", "mediation")).andExpect(jsonPath("$.items[*].callId")
                .value(contains("1795990500.2")));
        mvc.perform(day().param("agent", "Agent Two")).andExpect(jsonPath("$.items[*].callId")
                .value(contains("1795990500.4")));
        mvc.perform(day().param("outcome", "MISSED,ABANDONED")).andExpect(jsonPath("$.items[*].outcomeName")
                .value(contains("未接通挂机", "排队放弃")));
        mvc.perform(day().param("hasRecording", "true")).andExpect(jsonPath("$.items[*].callId")
                .value(contains("1795990500.3")));
        mvc.perform(day().param("hasRecording", "false")).andExpect(jsonPath("$.total").value(3));
        mvc.perform(day().param("phone", "13800005001")).andExpect(jsonPath("$.items[*].callId")
                .value(contains("1795990500.1")))
                .andExpect(jsonPath("$.items[0].callerPhone").value("138****5001"))
                .andExpect(jsonPath("$.items[0].regionName").value("广东省广州市天河区"));
        mvc.perform(day().param("limit", "3").param("page", "1")).andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.items[*].callId").value(contains("1795990500.1")));
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void refusesEveryMalformedFilterNamingIt() throws Exception {
        String[][] cases = {
                {"from", "yesterday", "from"}, {"to", "2026-12-08T00:00:00Z", "to"}, {"region", "44", "region"},
                {"outcome", "MISSED,LOST", "outcome"}, {"hasRecording", "yes", "hasRecording"},
                {"page", "-1", "page"}, {"limit", "500", "limit"}, {"limit", "ten", "limit"},
                {"phone", "12345", "phone"}, {"queue", "a<script>", "queue"}, {"agent", "x".repeat(200), "agent"}};
        for (String[] c : cases) {
            mvc.perform(day().param(c[0], c[1])).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value(c[2]));
        }
        mvc.perform(get("/api/v1/staff/calls").param("from", "2025-01-01T00:00:00Z").param("to", TO))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("from"));
    }

    private static MockHttpServletRequestBuilder day() {
        return get("/api/v1/staff/calls").param("from", FROM).param("to", TO);
    }
}
