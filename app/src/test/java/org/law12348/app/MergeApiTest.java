package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a dispatcher merges a duplicate from the workspace (JSON API, not only the old console
 * form), and the citizen who holds the duplicate's tracking token is not stranded: its view names the
 * ticket that goes on and carries that ticket's token, which opens it.
 */
@CitizenFacingApp
class MergeApiTest {

    @LocalServerPort
    int port;

    private HttpApi.Answer ask(HttpApi api, String text) {
        HttpApi.Answer created = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", text)));
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    @Test
    void aMergedDuplicateLeadsItsCitizenToTheTicketThatGoesOn() {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer kept = ask(api, "公司拖欠工资三个月，想申请法律援助。");
        HttpApi.Answer duplicate = ask(api, "公司欠我三个月工资，怎么申请法律援助？");
        String number = duplicate.text("number");
        String[] duplicateToken = {"X-Tracking-Token", duplicate.text("trackingToken")};

        HttpApi.Answer merged = api.post("/api/v1/staff/tickets/" + number + "/merge",
                HttpApi.json(Map.of("target", kept.text("number").toLowerCase(), "reason", "同一市民重复提交")),
                HttpApi.basic("dispatcher"));

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.text("status")).isEqualTo("CLOSED");
        assertThat(merged.text("mergedInto")).isEqualTo(kept.text("number"));
        assertThat(merged.body().path("mergedIntoToken").asText(null)).as("staff get no token").isNull();

        HttpApi.Answer seen = api.get("/api/v1/tickets/" + number, duplicateToken);
        assertThat(seen.text("mergedInto")).isEqualTo(kept.text("number"));
        String survivorToken = seen.text("mergedIntoToken");
        assertThat(survivorToken).isEqualTo(kept.text("trackingToken"));
        HttpApi.Answer survivor = api.get("/api/v1/tickets/" + kept.text("number"), "X-Tracking-Token", survivorToken);
        assertThat(survivor.status()).isEqualTo(200);
        assertThat(survivor.body().path("timeline").findValuesAsText("type")).contains("MERGED_FROM");
        assertThat(survivor.body().path("mergedInto").asText(null)).isNull();
    }

    @Test
    void aMergeIsRefusedWithTheFieldNamedAndChangesNothing() {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer kept = ask(api, "离婚后孩子抚养费怎么计算？");
        String number = ask(api, "离婚后抚养费标准是多少？").text("number");
        String path = "/api/v1/staff/tickets/" + number + "/merge";

        HttpApi.Answer self = api.post(path, HttpApi.json(Map.of("target", number, "reason", "重复")),
                HttpApi.basic("dispatcher"));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.text("field")).isEqualTo("target");
        HttpApi.Answer unknown = api.post(path, HttpApi.json(Map.of("target", "GD20990101-999999", "reason", "重复")),
                HttpApi.basic("dispatcher"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("field")).isEqualTo("target");
        HttpApi.Answer noReason = api.post(path, HttpApi.json(Map.of("target", kept.text("number"))),
                HttpApi.basic("dispatcher"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("field")).isEqualTo("reason");
        assertThat(api.post(path, HttpApi.json(Map.of("target", kept.text("number"), "reason", "重复")),
                HttpApi.basic("handler-gz")).status()).as("unit handlers do not merge").isEqualTo(403);

        assertThat(api.get("/api/v1/staff/tickets/" + number, HttpApi.basic("dispatcher")).text("status"))
                .isEqualTo("ROUTED");
    }
}
