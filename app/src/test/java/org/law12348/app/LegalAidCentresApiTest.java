package org.law12348.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: the legal-aid guide's "where to go" — the centres serving a region, nearest level first,
 * with what an administrator keeps on the units page; bad regions answered as problems naming the field.
 */
class LegalAidCentresApiTest extends CitizenPostgresApp {

    private static final String CENTRES = "/api/v1/legal-aid-centres?region=";

    private List<String> names(HttpApi.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.body().forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    @Test
    void aDistrictIsServedByItsCityThenItsProvinceWithTheDemoDetailsMarked() {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer tianhe = api.get(CENTRES + "440106");
        assertThat(names(tianhe)).containsExactly("广州市法律援助中心", "广东省法律援助中心");
        JsonNode city = tianhe.body().get(0);
        assertThat(city.path("serves").asText()).isEqualTo("广东省广州市");
        assertThat(city.path("levelName").asText()).isEqualTo("市级");
        assertThat(city.path("phone").asText()).isEqualTo("020-12348");
        assertThat(city.path("address").asText()).contains("广州市");
        assertThat(city.path("openingHours").asText()).contains("周一至周五");
        assertThat(city.path("sampleDetails").asBoolean()).isTrue();
        assertThat(tianhe.body().get(1).path("levelName").asText()).isEqualTo("省级");
        assertThat(city.has("code")).as("names, not codes").isFalse();

        // a city asked for directly, and a city without districts (东莞)
        assertThat(names(api.get(CENTRES + "440300"))).containsExactly("深圳市法律援助中心", "广东省法律援助中心");
        assertThat(names(api.get(CENTRES + "441900"))).containsExactly("东莞市法律援助中心", "广东省法律援助中心");
        // the province's own
        assertThat(names(api.get(CENTRES + "440000"))).containsExactly("广东省法律援助中心");
        // a province with no centre recorded: an empty list, not an error
        assertThat(names(api.get(CENTRES + "110105"))).isEmpty();
    }

    @Test
    void aCountyCentreComesFirstAndAnAdministratorsCorrectionIsNoLongerDemoData() {
        HttpApi api = new HttpApi(port);
        String code = "GD-440305-LA" + (System.nanoTime() % 10000);
        HttpApi.Answer created = api.post("/api/v1/admin/units", HttpApi.json(unit(code, "深圳市南山区法律援助处",
                "440305", "0755-26661234", "深圳市南山区南山大道公共法律服务中心", "周一至周五 9:00-18:00")), HttpApi.basic("admin"));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.body().path("sampleDetails").asBoolean()).isFalse();

        HttpApi.Answer nanshan = api.get(CENTRES + "440305");
        assertThat(names(nanshan)).containsExactly("深圳市南山区法律援助处", "深圳市法律援助中心", "广东省法律援助中心");
        assertThat(nanshan.body().get(0).path("levelName").asText()).isEqualTo("区县级");
        assertThat(nanshan.body().get(0).path("address").asText()).isEqualTo("深圳市南山区南山大道公共法律服务中心");

        // renaming alone leaves the demo mark; a corrected address clears it
        HttpApi.Answer renamed = put(api, "/api/v1/admin/units/GD-4403-LEGAL-AID", unit(null, "深圳市法律援助中心",
                "440300", "0755-12348", listedAddress(api, "440300"), "周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）"));
        assertThat(renamed.body().path("sampleDetails").asBoolean()).as(renamed.raw().body()).isTrue();
        HttpApi.Answer corrected = put(api, "/api/v1/admin/units/GD-4403-LEGAL-AID", unit(null, "深圳市法律援助中心",
                "440300", "0755-83001234", "深圳市福田区市民中心B区", "周一至周五 9:00-12:00，14:00-18:00"));
        assertThat(corrected.body().path("sampleDetails").asBoolean()).isFalse();
        JsonNode shenzhen = api.get(CENTRES + "440305").body().get(1);
        assertThat(shenzhen.path("address").asText()).isEqualTo("深圳市福田区市民中心B区");
        assertThat(shenzhen.path("phone").asText()).isEqualTo("0755-83001234");
        assertThat(shenzhen.path("sampleDetails").asBoolean()).isFalse();

        // a deactivated centre is no longer where anyone is sent
        HttpApi.Answer retired = api.post("/api/v1/admin/units/" + code + "/deactivate",
                HttpApi.json(Map.of("successor", "GD-4403-LEGAL-AID", "reason", "并入市中心")), HttpApi.basic("admin"));
        assertThat(retired.status()).as(retired.raw().body()).isEqualTo(200);
        assertThat(names(api.get(CENTRES + "440305"))).containsExactly("深圳市法律援助中心", "广东省法律援助中心");
    }

    @Test
    void aBadRegionIsAProblemNamingTheField() {
        HttpApi api = new HttpApi(port);
        for (String bad : new String[] {"", "4401", "44010x", "999999", "%3Cscript%3E", "4401061", "%E5%B9%BF%E5%B7%9E"}) {
            HttpApi.Answer answer = api.get("/api/v1/legal-aid-centres" + (bad.isEmpty() ? "" : "?region=" + bad));
            assertThat(answer.status()).as(bad + ": " + answer.raw().body()).isEqualTo(400);
            assertThat(answer.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.text("field")).as(bad).isEqualTo("region");
        }
        // an administrator's address over 200 characters is refused on its field
        HttpApi.Answer tooLong = put(api, "/api/v1/admin/units/GD-4401-LEGAL-AID", unit(null, "广州市法律援助中心", "440100",
                "020-12348", "很".repeat(201), null));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("field")).isEqualTo("address");
    }

    private static Map<String, Object> unit(String code, String name, String region, String phone, String address,
                                            String hours) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("name", name);
        form.put("type", "LEGAL_AID_CENTER");
        form.put("regionCode", region);
        form.put("phone", phone);
        form.put("address", address);
        form.put("openingHours", hours);
        return form;
    }

    private static String listedAddress(HttpApi api, String region) {
        return api.get(CENTRES + region).body().get(0).path("address").asText();
    }

    private static HttpApi.Answer put(HttpApi api, String path, Object body) {
        return api.request("PUT", path, "application/json", HttpApi.json(body).getBytes(StandardCharsets.UTF_8),
                HttpApi.basic("admin"));
    }
}
