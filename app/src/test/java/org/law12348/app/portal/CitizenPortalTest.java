package org.law12348.app.portal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The citizen portal's own pages over HTTP: the ask form and the tracking page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:citizen_portal;DB_CLOSE_DELAY=-1")
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
}
