package org.law12348.knowledge.internal;

import org.junit.jupiter.api.Test;
import org.law12348.knowledge.web.KnowledgeApi;
import org.law12348.ticketing.DashboardFigures;
import org.law12348.ticketing.DashboardFigures.Figure;
import org.law12348.ticketing.TicketStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The knowledge base's dashboard figures: deflections and searches over the whole days of the period in
 * the service's zone (Asia/Shanghai), the same whatever region or unit the dashboard is narrowed to.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KnowledgeFiguresTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<DashboardFigures> figures;

    @Test
    void countsWholeDaysInTheServicesZone() {
        // 2001, a year no other test writes: deflections just inside and just outside 1 May (Beijing time)
        deflection("2001-04-30T15:59:59Z");
        deflection("2001-04-30T16:00:00Z");
        deflection("2001-05-01T15:59:59Z");
        deflection("2001-05-01T16:00:00Z");
        searches("2001-04-30", 50);
        searches("2001-05-01", 8);
        searches("2001-05-02", 100);

        assertThat(knowledge().figures(day("2001-05-01", null, null))).containsExactly(
                new Figure("知识库自助解决（全服务）", "2"),
                new Figure("知识库搜索（全服务）", "8"),
                new Figure("知识库自助解决率（全服务）", "25.0%"));
        TicketStatistics.Scope threeDays = new TicketStatistics.Scope(start("2001-04-30"), start("2001-05-03"),
                start("2001-05-03"), null, null);
        assertThat(knowledge().figures(threeDays)).containsExactly(
                new Figure("知识库自助解决（全服务）", "4"),
                new Figure("知识库搜索（全服务）", "158"),
                new Figure("知识库自助解决率（全服务）", "2.5%"));
        // the knowledge base has no region or unit: the figures stay the whole service's
        assertThat(knowledge().figures(day("2001-05-01", "4453", "GD-4453-12348")))
                .isEqualTo(knowledge().figures(day("2001-05-01", null, null)));
    }

    @Test
    void aPeriodWithoutSearchesHasZerosAndNoRate() {
        assertThat(knowledge().figures(day("2001-06-01", null, null))).containsExactly(
                new Figure("知识库自助解决（全服务）", "0"),
                new Figure("知识库搜索（全服务）", "0"),
                new Figure("知识库自助解决率（全服务）", "—"));
    }

    @Test
    void todaysSearchesAndDeflectionsThroughThePublicApiCountAtOnce() throws Exception {
        Instant now = Instant.now();
        TicketStatistics.Scope today = new TicketStatistics.Scope(
                LocalDate.now(ZONE).atStartOfDay(ZONE).toInstant(), now.plusSeconds(60), now, null, null);
        List<Figure> before = knowledge().figures(today);

        String impression = KnowledgeApi.impressionOf(mvc, "工资", "demo-01");
        mvc.perform(get("/api/v1/kb/search").param("q", "遗嘱")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/kb/deflections").contentType(MediaType.APPLICATION_JSON)
                .content("{\"articleId\":\"demo-01\",\"query\":\"工资\",\"impression\":\"" + impression + "\"}"))
                .andExpect(status().isNoContent());

        long deflections = count(before, 0) + 1;
        long searches = count(before, 1) + 2;
        assertThat(knowledge().figures(today)).containsExactly(
                new Figure("知识库自助解决（全服务）", String.valueOf(deflections)),
                new Figure("知识库搜索（全服务）", String.valueOf(searches)),
                new Figure("知识库自助解决率（全服务）",
                        String.format(Locale.ROOT, "%.1f%%", 100.0 * deflections / searches)));
    }

    private DashboardFigures knowledge() {
        assertThat(figures).hasSize(1);
        return figures.get(0);
    }

    private static long count(List<Figure> figures, int index) {
        return Long.parseLong(figures.get(index).value());
    }

    private static TicketStatistics.Scope day(String date, String regionPrefix, String unitCode) {
        Instant from = start(date);
        Instant to = start(LocalDate.parse(date).plusDays(1).toString());
        return new TicketStatistics.Scope(from, to, to, regionPrefix, unitCode);
    }

    private static Instant start(String date) {
        return LocalDate.parse(date).atStartOfDay(ZONE).toInstant();
    }

    private void deflection(String at) {
        jdbc.update("insert into kb_deflection (article_id, query, created_at) values ('demo-01', '工资', ?)",
                Timestamp.from(Instant.parse(at)));
    }

    private void searches(String day, long n) {
        jdbc.update("insert into kb_search_day (search_day, searches) values (?, ?)", Date.valueOf(day), n);
    }
}
