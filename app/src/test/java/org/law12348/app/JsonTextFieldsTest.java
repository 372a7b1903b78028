package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Text fields of the JSON API take text only. */
@CitizenFacingApp
class JsonTextFieldsTest {

    @LocalServerPort
    int port;

    private static void refusedNaming(HttpApi.Answer answer, String field) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.text("field")).isEqualTo(field);
        assertThat(answer.text("code")).isEqualTo("field.wrongType");
    }

    /** Issue 17, item 9: {"text": 123} was taken in as the question "123". */
    @Test
    void aNumberOrABooleanWhereTextIsExpectedIsRefusedNamingTheField() {
        HttpApi api = new HttpApi(port);

        refusedNaming(api.post("/api/v1/tickets", "{\"businessType\":\"LEGAL_AID\",\"regionCode\":\"440106\","
                + "\"text\":1234567890}"), "text");
        refusedNaming(api.post("/api/v1/tickets", "{\"businessType\":\"LEGAL_AID\",\"regionCode\":440106,"
                + "\"text\":\"公司拖欠工资三个月，想申请法律援助。\"}"), "regionCode");
        refusedNaming(api.post("/api/v1/tickets", "{\"businessType\":true,\"regionCode\":\"440106\","
                + "\"text\":\"公司拖欠工资三个月，想申请法律援助。\"}"), "businessType");
        refusedNaming(api.post("/api/v1/tickets", "{\"businessType\":\"LEGAL_AID\",\"regionCode\":\"440106\","
                + "\"text\":\"公司拖欠工资三个月，想申请法律援助。\",\"contactPhone\":13800138000}"), "contactPhone");

        HttpApi.Answer created = api.post("/api/v1/tickets", HttpApi.json(Map.of("businessType", "LEGAL_AID",
                "regionCode", "440106", "text", "公司拖欠工资三个月，想申请法律援助。")));
        refusedNaming(api.post("/api/v1/tickets/" + created.text("number") + "/follow-ups", "{\"text\":12345.5}",
                "X-Tracking-Token", created.text("trackingToken")), "text");
        refusedNaming(api.post("/api/v1/routing/preview", "{\"regionCode\":440305,\"businessType\":\"LEGAL_AID\"}",
                HttpApi.basic("dispatcher")), "regionCode");
    }

    @Test
    void theSameFieldsAsTextAreTakenIn() {
        HttpApi api = new HttpApi(port);
        assertThat(api.post("/api/v1/routing/preview", "{\"regionCode\":\"440305\",\"businessType\":\"LEGAL_AID\","
                + "\"channel\":\"WEB\"}", HttpApi.basic("dispatcher")).status()).isEqualTo(200);
    }
}
