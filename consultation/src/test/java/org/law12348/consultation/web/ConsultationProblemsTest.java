package org.law12348.consultation.web;

import org.junit.jupiter.api.Test;
import org.law12348.consultation.AnswerNotReusableException;
import org.law12348.consultation.CertificationException;
import org.law12348.consultation.ClaimConflictException;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.web.ApiProblems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A web slice (no database, no engine): consultation's refusals reach the caller as the product's
 * problem details, from consultation's own advice, which must stay ordered before ticketing's
 * {@link ApiProblems} — whose catch-all would otherwise answer them 500.
 */
@WebMvcTest(controllers = ConsultationProblemsTest.Refusals.class)
@AutoConfigureMockMvc(addFilters = false)
class ConsultationProblemsTest {

    @SpringBootConfiguration
    @Import({Refusals.class, ApiProblems.class, ConsultationProblems.class})
    static class Slice {
    }

    /** Throws what consultation's services throw, as its controllers let them through. */
    @RestController
    static class Refusals {

        @GetMapping("/refusals/{kind}")
        String refuse(@PathVariable String kind) {
            throw switch (kind) {
                case "certification" -> new CertificationException("您的志愿律师资格已被暂停");
                case "claim" -> new ClaimConflictException("GD20261208-000001");
                case "reuse" -> new AnswerNotReusableException("GD20261208-000001", "该答复尚未被市民采纳");
                default -> new InvalidInputException("kind", "kind.unknown", "未知的类型");
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aConsultantWhoMayNotWorkIsRefused403WithTheReasonInChinese() throws Exception {
        mvc.perform(get("/refusals/certification"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("consultant.notAllowed"))
                .andExpect(jsonPath("$.type").value("urn:law12348:problem:consultant.notAllowed"))
                .andExpect(jsonPath("$.detail").value("您的志愿律师资格已被暂停"));
    }

    @Test
    void aQuestionAnotherConsultantClaimedIsAConflict() throws Exception {
        mvc.perform(get("/refusals/claim"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ticket.claimedByOther"))
                .andExpect(jsonPath("$.detail").value("该问题已被其他咨询师认领（GD20261208-000001）"));
    }

    @Test
    void anAnswerThatMayNotBecomeAnArticleIsAConflict() throws Exception {
        mvc.perform(get("/refusals/reuse"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("answer.notReusable"))
                .andExpect(jsonPath("$.detail").value("该答复尚未被市民采纳"));
    }

    @Test
    void ticketingsOwnRefusalsStillComeFromTicketing() throws Exception {
        mvc.perform(get("/refusals/other"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("kind.unknown"))
                .andExpect(jsonPath("$.field").value("kind"));
    }
}
