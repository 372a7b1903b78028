package org.law12348.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.CallRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard API's figures against a known data set: five tickets of 云浮市 (a city no other test
 * uses), received just now, with known answers, deadlines, hand-overs and ratings; hotline calls
 * recorded here and knowledge-base deflections made through the public API, counted against the
 * figures shown before them.
 */
class DashboardApiTest extends ConsoleTestSupport {

    private static final String REGION = "445300";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIGURE_LABELS = List.of("来电量", "已接通", "知识库自助解决（全服务）",
            "知识库搜索（全服务）", "知识库自助解决率（全服务）");

    @Autowired
    CallRecords calls;

    @BeforeEach
    void knownTickets() {
        if (jdbc.queryForObject("select count(*) from ticket where number like 'YF%'", Integer.class) > 0) {
            return;
        }
        Instant now = Instant.now();
        // channel, type, answered after (hours, or -1), deadline hours, handed over, rating
        insert(1, now, "WEB", "LEGAL_AID", 1, 72, false, 5);
        insert(2, now, "WEB", "LEGAL_AID", 3, 72, false, 2);
        insert(3, now, "PHONE", "MEDIATION", -1, -1, false, null);
        insert(4, now, "PHONE", "MEDIATION", 5, 2, true, 4);
        insert(5, now, "WECHAT", "LEGAL_CONSULTATION", -1, 24, false, null);
    }

    private void insert(int i, Instant now, String channel, String type, int answeredAfterHours, int deadlineHours,
                        boolean handedOver, Integer rating) {
        Instant created = now.minusSeconds(i);
        jdbc.update("insert into ticket (id, version, number, kind, channel, channel_ref, region_code, business_type, "
                        + "subject, text, status, handling_unit, routing_queue, created_at, due_at, first_answered_at, "
                        + "escalated, handed_over, satisfaction, answer_accepted) values "
                        + "(?, 0, ?, 'SERVICE_REQUEST', ?, ?, '445302', ?, '统计用工单', '统计用工单内容', ?, "
                        + "'GD-4453-12348', 'UNIT', ?, ?, ?, false, ?, ?, false)",
                9_000_000_000L + i, "YF20261128-00000" + i, channel, "dashboard-" + i, type,
                answeredAfterHours < 0 ? "ROUTED" : "ANSWERED", utc(created),
                utc(created.plus(Duration.ofHours(deadlineHours))),
                answeredAfterHours < 0 ? null : utc(created.plus(Duration.ofHours(answeredAfterHours))),
                handedOver, rating);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Test
    void computesTheFiguresOfAKnownDataSet() throws Exception {
        JsonNode dashboard = dashboard("dispatcher", "DISPATCHER", "MONTH", REGION);
        assertThat(dashboard.path("periodName").asText()).isEqualTo("本月");
        // 5 received, 3 answered (60%), first responses 1h/3h/5h: median 3h, p90 4.6h; 1 handed over;
        // deadlines: 4 reached, 2 met (50%); ratings 5, 2, 4: two of three satisfied (66.7%).
        assertFigures(dashboard.path("total"), 5, 3, 0.6, 3 * 3600.0, 4.6 * 3600, 1, 0.5, 2 / 3.0);
        JsonNode web = row(dashboard, "CHANNEL", "WEB");
        assertThat(web.path("label").asText()).isEqualTo("网上服务大厅");
        assertFigures(web, 2, 2, 1.0, 2 * 3600.0, 2.8 * 3600, 0, 1.0, 0.5);
        JsonNode wechat = row(dashboard, "CHANNEL", "WECHAT");
        assertThat(wechat.path("label").asText()).isEqualTo("微信小程序");
        assertFigures(wechat, 1, 0, 0.0, null, null, 0, null, null);
        JsonNode city = dashboard.path("tables").get(1);
        assertThat(city.path("dimensionName").asText()).isEqualTo("地市");
        assertThat(city.path("rows").get(0).path("label").asText()).isEqualTo("广东省云浮市");
        assertThat(city.path("rows").get(0).path("received").asLong()).isEqualTo(5);
        JsonNode mediation = row(dashboard, "BUSINESS_TYPE", "MEDIATION");
        assertThat(mediation.path("label").asText()).isEqualTo("人民调解");
        assertFigures(mediation, 2, 1, 0.5, 5 * 3600.0, 5 * 3600.0, 1, 0.0, 1.0);
    }

    @Test
    void exportsATableAsCsvAndExcel() throws Exception {
        byte[] csv = mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER",
                        get("/api/v1/staff/dashboard/export").param("period", "MONTH").param("region", REGION)
                                .param("dimension", "BUSINESS_TYPE").param("format", "csv")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF业务类型,受理量,已答复,答复率");
        assertThat(text).contains("人民调解,2,1,50.0%,5.0小时,5.0小时,1,0.0%,100.0%");

        byte[] xlsx = mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER",
                        get("/api/v1/staff/dashboard/export").param("period", "MONTH").param("region", REGION)
                                .param("dimension", "CHANNEL").param("format", "xlsx")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("渠道");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void badPeriodRegionOrFormatIsAProblemNamingTheField() throws Exception {
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER",
                        get("/api/v1/staff/dashboard").param("period", "YEAR")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("\"field\":\"period\"")))
                .andExpect(content().string(containsString("统计周期只能是今日、本周或本月")));
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER",
                        get("/api/v1/staff/dashboard").param("region", "99")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("\"field\":\"region\"")));
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER",
                        get("/api/v1/staff/dashboard/export").param("dimension", "CHANNEL").param("format", "pdf")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("导出格式只能是 csv 或 xlsx")));
        mvc.perform(StaffTicketActionsTest.as("dispatcher", "DISPATCHER",
                        get("/api/v1/staff/dashboard/export").param("dimension", "CITY")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("\"field\":\"dimension\"")));
    }

    @Test
    void unitHandlerSeesOnlyTheirUnitsFiguresAndConsultantsNone() throws Exception {
        assertFigures(dashboard("handler-gz", "UNIT_HANDLER", "MONTH", REGION).path("total"),
                0, 0, null, null, null, 0, null, null);
        mvc.perform(StaffTicketActionsTest.as("consultant", "CONSULTANT", get("/api/v1/staff/dashboard")))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsTheCallsOfThePeriodAndRegion() throws Exception {
        Map<String, String> todayAll = figures("dispatcher", "DISPATCHER", "TODAY", null);
        Map<String, String> todayYunfu = figures("dispatcher", "DISPATCHER", "TODAY", REGION);
        Map<String, String> todayGuangzhou = figures("dispatcher", "DISPATCHER", "TODAY", "440100");
        Map<String, String> monthYunfu = figures("dispatcher", "DISPATCHER", "MONTH", REGION);
        assertThat(todayAll.keySet()).containsExactlyElementsOf(FIGURE_LABELS);

        Instant now = Instant.now();
        Instant startOfToday = LocalDate.now(ZONE).atStartOfDay(ZONE).toInstant();
        Instant yesterday = startOfToday.minusSeconds(60);
        // today: three calls from 云浮 (two answered), one from 广州 (answered), one missed before the region was known
        calls.saveAll(List.of(
                call(now.minusMillis(1), "445302", true),
                call(now.minusMillis(2), "445302", true),
                call(now.minusMillis(3), "445381", false),
                call(now.minusMillis(4), "440106", true),
                call(now.minusMillis(5), null, false),
                call(yesterday, "445302", true)));
        int yesterdayThisMonth = yesterday.atZone(ZONE).getMonth() == now.atZone(ZONE).getMonth() ? 1 : 0;

        assertCalls(figures("dispatcher", "DISPATCHER", "TODAY", null), todayAll, 5, 3);
        assertCalls(figures("dispatcher", "DISPATCHER", "TODAY", REGION), todayYunfu, 3, 2);
        assertCalls(figures("dispatcher", "DISPATCHER", "TODAY", "440100"), todayGuangzhou, 1, 1);
        assertCalls(figures("dispatcher", "DISPATCHER", "MONTH", REGION), monthYunfu,
                3 + yesterdayThisMonth, 2 + yesterdayThisMonth);
    }

    @Test
    void showsTheKnowledgeBasesDeflectionsOfTheWholeService() throws Exception {
        Map<String, String> before = figures("dispatcher", "DISPATCHER", "TODAY", REGION);
        Map<String, String> beforeUnit = figures("handler-gz", "UNIT_HANDLER", "TODAY", null);
        assertThat(beforeUnit).isEqualTo(withoutCalls(before));

        String hits = mvc.perform(get("/api/v1/kb/search").param("q", "工资"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode faq = null;
        for (JsonNode hit : JSON.readTree(hits)) {
            if ("faq".equals(hit.path("type").asText())) {
                faq = hit;
                break;
            }
        }
        assertThat(faq).as("a published FAQ about wages").isNotNull();
        mvc.perform(post("/api/v1/kb/deflections").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("articleId", faq.path("id").asText(), "query", "工资",
                                "impression", faq.path("impression").asText()))))
                .andExpect(status().isNoContent());

        long deflections = Long.parseLong(before.get("知识库自助解决（全服务）")) + 1;
        long searches = Long.parseLong(before.get("知识库搜索（全服务）")) + 1;
        Map<String, String> expected = new LinkedHashMap<>(before);
        expected.put("知识库自助解决（全服务）", String.valueOf(deflections));
        expected.put("知识库搜索（全服务）", String.valueOf(searches));
        expected.put("知识库自助解决率（全服务）", String.format(Locale.ROOT, "%.1f%%", 100.0 * deflections / searches));
        Map<String, String> after = figures("dispatcher", "DISPATCHER", "TODAY", REGION);
        assertThat(after).containsExactlyEntriesOf(expected);
        // no region in the knowledge base: another region, or a unit handler, sees the same figures
        assertThat(withoutCalls(figures("dispatcher", "DISPATCHER", "TODAY", "440100"))).isEqualTo(withoutCalls(after));
        assertThat(figures("handler-gz", "UNIT_HANDLER", "TODAY", null)).isEqualTo(withoutCalls(after));
    }

    @Test
    void unitHandlerSeesNoCallFigures() throws Exception {
        calls.save(call(Instant.now(), "440106", true));
        Map<String, String> figures = figures("handler-gz", "UNIT_HANDLER", "TODAY", "440100");
        assertThat(figures.keySet()).containsExactlyElementsOf(FIGURE_LABELS.subList(2, 5));
    }

    private static void assertCalls(Map<String, String> after, Map<String, String> before, long received,
                                    long answered) {
        assertThat(Long.parseLong(after.get("来电量"))).as("来电量").isEqualTo(Long.parseLong(before.get("来电量")) + received);
        assertThat(Long.parseLong(after.get("已接通"))).as("已接通").isEqualTo(Long.parseLong(before.get("已接通")) + answered);
    }

    private static Map<String, String> withoutCalls(Map<String, String> figures) {
        Map<String, String> rest = new LinkedHashMap<>(figures);
        rest.remove("来电量");
        rest.remove("已接通");
        return rest;
    }

    private static CallRecord call(Instant startedAt, String region, boolean answered) {
        CallRecord call = new CallRecord("dashboard-" + UUID.randomUUID(), newPhone(), startedAt);
        call.identify(null, region);
        call.queued("legal-consultation", startedAt.plusSeconds(20));
        if (answered) {
            call.connected("SIP/8001", 15, startedAt.plusSeconds(35));
        } else {
            call.hungUp(startedAt.plusSeconds(50));
        }
        return call;
    }

    private JsonNode dashboard(String username, String role, String period, String region) throws Exception {
        var request = get("/api/v1/staff/dashboard").param("period", period);
        if (region != null) {
            request.param("region", region);
        }
        return JSON.readTree(mvc.perform(StaffTicketActionsTest.as(username, role, request))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The figures the modules add, label to value, in the order given. */
    private Map<String, String> figures(String username, String role, String period, String region)
            throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        for (JsonNode f : dashboard(username, role, period, region).path("figures")) {
            figures.put(f.path("label").asText(), f.path("value").asText());
        }
        return figures;
    }

    private static JsonNode row(JsonNode dashboard, String dimension, String key) {
        for (JsonNode table : dashboard.path("tables")) {
            if (table.path("dimension").asText().equals(dimension)) {
                for (JsonNode row : table.path("rows")) {
                    if (row.path("key").asText().equals(key)) {
                        return row;
                    }
                }
            }
        }
        throw new AssertionError("no row " + key + " in " + dimension + ": " + dashboard);
    }

    /** The figures of one row; rates and times null where there is no data yet. */
    private static void assertFigures(JsonNode row, long received, long answered, Double answeredRate, Double median,
                                      Double p90, long handedOver, Double deadlineCompliance, Double satisfaction) {
        assertThat(row.path("received").asLong()).as("received").isEqualTo(received);
        assertThat(row.path("answered").asLong()).as("answered").isEqualTo(answered);
        assertNumber(row, "answeredRate", answeredRate);
        assertNumber(row, "medianResponseSeconds", median);
        assertNumber(row, "p90ResponseSeconds", p90);
        assertThat(row.path("handedOver").asLong()).as("handedOver").isEqualTo(handedOver);
        assertNumber(row, "deadlineCompliance", deadlineCompliance);
        assertNumber(row, "satisfaction", satisfaction);
    }

    private static void assertNumber(JsonNode row, String field, Double expected) {
        if (expected == null) {
            // the API leaves out what has no value, like every answer of the product
            assertThat(row.path(field).isMissingNode() || row.path(field).isNull()).as(field + " is empty in " + row).isTrue();
        } else {
            assertThat(row.path(field).asDouble()).as(field).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
        }
    }
}
