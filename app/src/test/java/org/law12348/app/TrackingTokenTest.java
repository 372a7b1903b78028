package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a citizen's tracking token is accepted, and for how long. */
@CitizenFacingApp
class TrackingTokenTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    private HttpApi.Answer ask(HttpApi api) {
        return api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID", "regionCode", "440106",
                "text", "公司拖欠工资三个月，想申请法律援助。")));
    }

    /** Issue 17, item 9: the token was accepted in the query string, where logs and browser history keep it. */
    @Test
    void aTokenCountsInTheHeaderNeverInTheQueryString() {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer created = ask(api);
        String path = "/api/v1/tickets/" + created.text("number");

        assertThat(api.get(path + "?token=" + created.text("trackingToken")).status()).isEqualTo(404);
        assertThat(api.get(path + "/personal-data?token=" + created.text("trackingToken")).status()).isEqualTo(404);
        assertThat(api.get(path, "X-Tracking-Token", created.text("trackingToken")).status()).isEqualTo(200);
    }

    /** Issue 17, item 9: tracking tokens never expired. */
    @Test
    void aTokenOpensItsTicketForNinetyDaysAfterItClosesAndNoLonger() {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer closed = ask(api);
        HttpApi.Answer open = ask(api);
        String path = "/api/v1/tickets/" + closed.text("number");
        String[] token = {"X-Tracking-Token", closed.text("trackingToken")};
        assertThat(api.post("/api/v1/staff/tickets/" + closed.text("number") + "/close",
                "{\"reason\":\"已电话答复\"}", HttpApi.basic("admin")).status()).isEqualTo(200);

        clock.advance(Duration.ofDays(89));
        assertThat(api.get(path, token).status()).isEqualTo(200);
        assertThat(api.get(path + "/personal-data", token).status()).isEqualTo(200);

        clock.advance(Duration.ofDays(2));
        assertThat(api.get(path, token).status()).isEqualTo(404);
        assertThat(api.get(path + "/personal-data", token).status()).isEqualTo(404);
        assertThat(api.post(path + "/erasure-requests", "{}", token).status()).isEqualTo(404);
        assertThat(api.post(path + "/rating", "{\"score\":5}", token).status()).isEqualTo(404);
        // an open ticket's token does not age
        assertThat(api.get("/api/v1/tickets/" + open.text("number"), "X-Tracking-Token", open.text("trackingToken"))
                .status()).isEqualTo(200);
    }
}
