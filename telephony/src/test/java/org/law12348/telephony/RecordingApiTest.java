package org.law12348.telephony;

import org.junit.jupiter.api.Test;
import org.law12348.telephony.internal.calls.CallLog;
import org.law12348.testsupport.SampleFiles;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.TicketIntake;
import org.law12348.ticketing.retention.CitizenData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Recordings served to the browser's player: byte ranges, the audit of every play, and what is never served. */
class RecordingApiTest extends AmiDeskIntegrationTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int LENGTH = 4000;

    @Autowired MockMvc mvc;
    @Autowired CallLog calls;
    @Autowired JdbcTemplate jdbc;
    @Autowired CitizenData citizenData;
    @Autowired TicketIntake intake;
    @Autowired org.law12348.ticketing.retention.RetentionJob retention;

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void servesTheWholeFileAPartAndASuffixAndRefusesARangeBeyondIt() throws Exception {
        String call = callWithRecording("13800001001", "hotline-" + IDS.incrementAndGet() + ".wav");
        String url = "/api/v1/staff/calls/" + call + "/recording";

        mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "audio/wav"))
                .andExpect(header().string("Accept-Ranges", "bytes"))
                .andExpect(header().longValue("Content-Length", LENGTH))
                .andExpect(content().bytes(bytes(0, LENGTH)));
        mvc.perform(get(url).header("Range", "bytes=100-199")).andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 100-199/" + LENGTH))
                .andExpect(content().bytes(bytes(100, 200)));
        mvc.perform(get(url).header("Range", "bytes=-500")).andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 3500-3999/" + LENGTH))
                .andExpect(content().bytes(bytes(3500, LENGTH)));
        mvc.perform(get(url).header("Range", "bytes=5000-6000")).andExpect(status().isRequestedRangeNotSatisfiable())
                .andExpect(header().string("Content-Range", "bytes */" + LENGTH))
                .andExpect(jsonPath("$.code").value("range.notSatisfiable"))
                .andExpect(jsonPath("$.field").value("Range"));
        mvc.perform(get(url).header("Range", "pages=1-2")).andExpect(status().isRequestedRangeNotSatisfiable());
    }

    @Test
    @WithMockUser(username = "dispatcher2", roles = "DISPATCHER")
    void auditsEveryPlayAsAReadOfTheCallersPersonalData() throws Exception {
        String call = callWithRecording("13800001002", "hotline-" + IDS.incrementAndGet() + ".wav");

        mvc.perform(get("/api/v1/staff/calls/" + call + "/recording")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/staff/calls/" + call + "/recording").header("Range", "bytes=0-99"))
                .andExpect(status().isPartialContent());
        mvc.perform(get("/api/v1/staff/calls/" + call + "/recording").header("Range", "bytes=9000-"))
                .andExpect(status().isRequestedRangeNotSatisfiable());

        assertThat(jdbc.queryForList("select actor, actor_role, citizen, detail from audit_entry "
                + "where action = 'RECORDING_PLAYED' and call_id = ? order by id", call))
                .hasSize(2)
                .allSatisfy(row -> {
                    assertThat(row).containsEntry("ACTOR", "dispatcher2").containsEntry("ACTOR_ROLE", "DISPATCHER")
                            .containsEntry("CITIZEN", "138****1002");
                    assertThat((String) row.get("DETAIL")).contains("通话录音");
                });
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void neverServesAFileOutsideTheRecordingDirectory() throws Exception {
        Path outside = Files.createTempFile("not-a-recording", ".wav");
        Files.write(outside, bytes(0, 100));
        String dotted = callWithReference("13800001003", RECORDINGS + "/../" + outside.getFileName());
        Path link = RECORDINGS.resolve("link-" + IDS.incrementAndGet() + ".wav");
        Files.createSymbolicLink(link, outside);
        String linked = callWithReference("13800001004", link.toString());

        for (String call : new String[] {dotted, linked}) {
            mvc.perform(get("/api/v1/staff/calls/" + call + "/recording")).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("recording.notFound"));
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'RECORDING_PLAYED' "
                + "and call_id in (?, ?)", Long.class, dotted, linked)).isZero();
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void aRecordingErasedWithTheCallersDataIsGone() throws Exception {
        String phone = "13800001005";
        String file = "hotline-" + IDS.incrementAndGet() + ".wav";
        String call = callWithRecording(phone, file);
        mvc.perform(get("/api/v1/staff/calls/" + call + "/recording")).andExpect(status().isOk());

        citizenData.eraseByPhone(new PhoneNumber(phone), "来电人申请删除个人信息", "admin");

        assertThat(RECORDINGS.resolve(file)).doesNotExist();
        mvc.perform(get("/api/v1/staff/calls/" + call + "/recording")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/staff/calls/no-such-call/recording")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("call.notFound"));
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void theRetentionRunClearsTheRecordingAndNumberOfAnOldCallWithoutATicket() throws Exception {
        String file = "hotline-" + IDS.incrementAndGet() + ".wav";
        Files.write(RECORDINGS.resolve(file), bytes(0, LENGTH));
        String old = "1795990400." + IDS.incrementAndGet();
        Instant fourYearsAgo = Instant.parse("2022-11-30T02:00:00Z");
        calls.record(old, "13800001008", fourYearsAgo, c -> c.messageTooShort(RECORDINGS.resolve(file).toString(),
                fourYearsAgo.plusSeconds(30)));
        String recent = callWithRecording("13800001009", "hotline-" + IDS.incrementAndGet() + ".wav");

        var run = retention.runNow("admin");

        assertThat(run.participants()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("telephony.callsWithoutTicket");
            assertThat(p.deleted()).isPositive();
        });
        assertThat(RECORDINGS.resolve(file)).doesNotExist();
        assertThat(calls.find(old).orElseThrow().callerPhone()).isNull();
        assertThat(calls.find(old).orElseThrow().outcome()).isEqualTo(CallOutcome.MISSED);
        mvc.perform(get("/api/v1/staff/calls/" + old + "/recording")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/staff/calls/" + recent + "/recording")).andExpect(status().isOk());
    }

    @Test
    @WithMockUser(username = "handler-elsewhere", roles = "UNIT_HANDLER")
    void aUnitHandlerHearsOnlyTheCallsOfTheirUnitsTickets() throws Exception {
        String withoutTicket = callWithRecording("13800001006", "hotline-" + IDS.incrementAndGet() + ".wav");
        String ticket = intake.receive(IntakeRequest.fromCall("rec-" + IDS.incrementAndGet(), "MEDIATION", "440300",
                "邻里纠纷语音留言", "13800001007")).ticketNumber();
        String ofOtherUnit = callWithRecording("13800001007", "hotline-" + IDS.incrementAndGet() + ".wav");
        calls.update(ofOtherUnit, c -> c.linkTicket(ticket));

        mvc.perform(get("/api/v1/staff/calls/" + withoutTicket + "/recording")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/staff/calls/" + ofOtherUnit + "/recording")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(username = "dispatcher1", roles = "DISPATCHER")
    void theSummaryPutsTheCallsRecordingOnItsTicketOnce() throws Exception {
        String file = "hotline-" + IDS.incrementAndGet() + ".wav";
        Files.write(RECORDINGS.resolve(file), SampleFiles.wav());
        String call = callWithReference("13800001010", RECORDINGS.resolve(file).toString());
        String summary = "{\"text\":\"来电人咨询欠薪，已告知可以申请劳动仲裁。\"}";

        mvc.perform(post("/api/v1/staff/calls/" + call + "/summary").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(summary)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/staff/calls/" + call + "/summary").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(summary)).andExpect(status().is2xxSuccessful());

        String number = calls.find(call).orElseThrow().ticketNumber();
        assertThat(jdbc.queryForList("select a.kind, a.file_name, a.content_type, a.added_by from ticket_attachment a "
                + "join ticket t on t.id = a.ticket_id where t.number = ?", number)).singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("KIND", "CALL_RECORDING").containsEntry("ADDED_BY", "telephony");
                    assertThat((String) row.get("CONTENT_TYPE")).startsWith("audio/");
                    assertThat((String) row.get("FILE_NAME")).isEqualTo("call-" + call.replace('.', '-') + ".wav");
                });
    }

    private String callWithRecording(String phone, String file) throws Exception {
        Files.write(RECORDINGS.resolve(file), bytes(0, LENGTH));
        return callWithReference(phone, RECORDINGS.resolve(file).toString());
    }

    private String callWithReference(String phone, String reference) {
        String call = "1795990400." + IDS.incrementAndGet();
        calls.record(call, phone, Instant.parse("2026-11-30T02:00:00Z"), c -> c.messageTooShort(reference,
                Instant.parse("2026-11-30T02:01:00Z")));
        return call;
    }

    /** A recording's bytes: each byte is its offset modulo 251, so any misplaced range shows. */
    private static byte[] bytes(int from, int to) {
        byte[] out = new byte[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = (byte) (i % 251);
        }
        return out;
    }
}
