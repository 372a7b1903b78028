package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The citizen portal's own pages over HTTP: the ask form and the tracking page. */
@CitizenFacingApp
class CitizenPortalTest {

    @LocalServerPort
    int port;

    private static Map<String, String> question(String submissionId, String text) {
        Map<String, String> form = new HashMap<>();
        form.put("submissionId", submissionId);
        form.put("businessType", "LEGAL_AID");
        form.put("regionCode", "440106");
        form.put("subject", "");
        form.put("text", text);
        form.put("contactName", "");
        form.put("contactPhone", "13800138000");
        return form;
    }

    /**
     * Issue 17, item 2: the ask form's submission id is the portal's idempotency key; posted again with
     * another question it redirected to the first question's ticket, token included.
     */
    @Test
    void aSubmissionIdPostedAgainWithAnotherQuestionGetsTheFormBackNotTheFirstTicket() {
        FormClient browser = new FormClient(port);
        String submissionId = FormClient.hidden(browser.get("/"), "submissionId");
        HttpResponse<String> first = browser.post("/ask", question(submissionId, "公司拖欠我三个月工资，想申请法律援助。"));
        assertThat(first.statusCode()).isEqualTo(302);
        String firstTicket = first.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> edited = browser.post("/ask", question(submissionId, "房东不退押金，我想申请法律援助。"));

        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.headers().firstValue("Location")).isEmpty();
        assertThat(edited.body()).contains("此页面已提交过一次").doesNotContain(firstTicket.replaceAll("\\?.*", ""));
        String fresh = FormClient.hidden(edited, "submissionId");
        assertThat(fresh).isNotEqualTo(submissionId);
        HttpResponse<String> asNew = browser.post("/ask", question(fresh, "房东不退押金，我想申请法律援助。"));
        assertThat(asNew.statusCode()).isEqualTo(302);
        assertThat(asNew.headers().firstValue("Location").orElseThrow()).isNotEqualTo(firstTicket);
        HttpResponse<String> doubleClick = browser.post("/ask", question(submissionId, "公司拖欠我三个月工资，想申请法律援助。"));
        assertThat(doubleClick.headers().firstValue("Location")).hasValue(firstTicket);
    }

    /**
     * Issue 17, item 9: after asking, the portal redirected to /track/{number}?token=…, so the token sat
     * in the URL (browser history, server logs, referrers), where it was also accepted.
     */
    @Test
    void afterAskingTheTokenReachesTheTicketPageInAShortLivedCookieNeverInTheUrl() {
        FormClient browser = new FormClient(port);
        String submissionId = FormClient.hidden(browser.get("/"), "submissionId");

        HttpResponse<String> asked = browser.post("/ask", question(submissionId, "公司拖欠我两个月工资，想申请法律援助。"));

        String location = asked.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/track/GD\\d{8}-\\d+").doesNotContain("token");
        String number = location.substring(location.lastIndexOf('/') + 1);
        String cookie = asked.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("law12348_tracking=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Path=/track/" + number, "Max-Age=3600")
                .containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        HttpResponse<String> page = browser.get("/track/" + number);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(number, "待受理");

        String token = cookie.substring("law12348_tracking=".length(), cookie.indexOf(';'));
        FormClient stranger = new FormClient(port);
        HttpResponse<String> byLink = stranger.get("/track/" + number + "?token=" + token);
        assertThat(byLink.statusCode()).isEqualTo(404);
        assertThat(byLink.body()).doesNotContain("待受理").contains("track-form");
    }

    @Test
    void theTrackingFormPostsNumberAndTokenAndOpensThePage() {
        FormClient browser = new FormClient(port);
        HttpResponse<String> asked = browser.post("/ask",
                question(FormClient.hidden(browser.get("/"), "submissionId"), "离职后公司不出具离职证明怎么办？"));
        String location = asked.headers().firstValue("Location").orElseThrow();
        String number = location.substring(location.lastIndexOf('/') + 1);
        String token = asked.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("law12348_tracking=")).findFirst().orElseThrow()
                .replaceAll("^law12348_tracking=([^;]+);.*$", "$1");

        FormClient later = new FormClient(port);
        later.get("/track");
        HttpResponse<String> wrong = later.post("/track", Map.of("number", number, "token", "guess"));
        HttpResponse<String> right = later.post("/track", Map.of("number", number, "token", token));

        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("查询凭证不正确");
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/track/" + number);
        assertThat(later.get("/track/" + number).body()).contains(number, "待受理");
    }

    @Test
    void behindATrustedProxyThatTerminatesTlsTheTrackingCookieIsSecure() {
        FormClient browser = new FormClient(port);
        HttpResponse<String> asked = browser.post("/ask",
                question(FormClient.hidden(browser.get("/"), "submissionId"), "房东扣押金不退，应该怎么维权？"),
                "X-Forwarded-Proto", "https");

        assertThat(asked.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("law12348_tracking="))
                .singleElement().satisfies(c -> assertThat(c).contains("Secure"));
    }
}
