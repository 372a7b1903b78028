package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a citizen's data export holds. */
@CitizenFacingApp
class PersonalDataExportTest {

    @LocalServerPort
    int port;

    /** Issue 17, item 9: the export held the phone number and platform ids but not the identity number. */
    @Test
    void theExportHoldsTheIdentityNumberTheCitizenGave() {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer created = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", "公司拖欠我三个月工资，我想申请法律援助。", "contactName", "孙导出",
                "contactPhone", "13700137002", "contactIdNumber", "11010519491231002x")));
        String number = created.text("number");

        JsonNode mine = api.get("/api/v1/tickets/" + number + "/personal-data", "X-Tracking-Token",
                created.text("trackingToken")).body();
        JsonNode byAdmin = api.get("/api/v1/admin/citizen-data/export?ticket=" + number, HttpApi.basic("admin")).body();

        for (JsonNode export : new JsonNode[]{mine, byAdmin}) {
            JsonNode contact = export.path("tickets").get(0).path("contact");
            assertThat(contact.path("name").asText()).isEqualTo("孙导出");
            assertThat(contact.path("phone").asText()).isEqualTo("13700137002");
            assertThat(contact.path("idNumber").asText()).isEqualTo("11010519491231002X");
        }
    }

    /**
     * A legal clock runs from a date of the citizen's life (the day they were dismissed): the export
     * holds it, and erasure removes it with the rest of the ticket's personal data.
     */
    @Test
    void theExportHoldsTheLegalClocksAndErasureRemovesThem() {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer created = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_CONSULTATION",
                "regionCode", "440106", "text", "公司2026年1月10日把我辞退了，还能申请劳动仲裁吗？",
                "contactPhone", "13700137004")));
        String number = created.text("number");
        String clocks = "/api/v1/staff/tickets/" + number + "/clocks";
        String id = api.post(clocks, HttpApi.json(Map.of("type", "LABOUR_ARBITRATION", "triggerDate", "2026-01-10")),
                HttpApi.basic("admin")).text("id");
        api.post(clocks + "/" + id + "/events", HttpApi.json(Map.of("kind", "SUSPENSION", "date", "2026-05-01")),
                HttpApi.basic("admin"));

        JsonNode clock = api.get("/api/v1/tickets/" + number + "/personal-data", "X-Tracking-Token",
                created.text("trackingToken")).body().path("tickets").get(0).path("legalClocks").get(0);
        assertThat(clock.path("name").asText()).isEqualTo("劳动仲裁申请期限");
        assertThat(clock.path("startsFrom").asText()).isEqualTo("2026-01-10");
        assertThat(clock.path("events").get(0).path("kindName").asText()).isNotBlank();
        assertThat(clock.path("events").get(0).path("date").asText()).isEqualTo("2026-05-01");

        assertThat(api.post("/api/v1/admin/citizen-data/erasure", HttpApi.json(Map.of("ticketNumber", number,
                "reason", "市民来电申请删除")), HttpApi.basic("admin")).status()).isEqualTo(200);

        assertThat(api.get(clocks, HttpApi.basic("admin")).body().path("clocks")).isEmpty();
        JsonNode exported = api.get("/api/v1/admin/citizen-data/export?ticket=" + number, HttpApi.basic("admin")).body();
        assertThat(exported.path("tickets").get(0).path("legalClocks")).isEmpty();
    }

    /**
     * Issue 17, item 2: a submission's fingerprint is computed from the data erasure removes, so it goes
     * with it; the key of an erased ticket no longer answers that ticket to anyone, even with the same body.
     */
    @Test
    void afterErasureTheSubmissionsKeyAnswersNothingEvenWithTheSameRequest() {
        HttpApi api = new HttpApi(port);
        String body = HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106",
                "text", "请删除我提交过的法律援助申请。", "contactPhone", "13700137003"));
        String number = api.post("/api/v1/tickets", body, "Idempotency-Key", "erased-key-1").text("number");
        assertThat(api.post("/api/v1/admin/citizen-data/erasure", HttpApi.json(Map.of("ticketNumber", number,
                "reason", "市民来电申请删除")), HttpApi.basic("admin")).status()).isEqualTo(200);

        HttpApi.Answer replay = api.post("/api/v1/tickets", body, "Idempotency-Key", "erased-key-1");

        assertThat(replay.status()).isEqualTo(422);
        assertThat(replay.raw().body()).doesNotContain(number);
    }
}
