package org.law12348.knowledge.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SearchApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void citizensFindTheDemoArticleAboutUnpaidWagesFirst() throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", "老板拖欠工资不给怎么办"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("demo-01"))
                .andExpect(jsonPath("$[0].type").value("faq"))
                .andExpect(jsonPath("$[0].title").value("公司拖欠工资不发，我该怎么讨要？"))
                .andExpect(jsonPath("$[0].category").value("劳动争议"))
                .andExpect(jsonPath("$[0].snippet", containsString("<em>")))
                .andExpect(jsonPath("$[0].score").isNumber());
    }

    @Test
    void shippedStatutesAreSearchable() throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", "离婚冷静期 三十日内撤回离婚登记申请").param("limit", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem("law-01077")))
                .andExpect(jsonPath("$[?(@.id == 'law-01077')].type").value("statute"))
                .andExpect(jsonPath("$[?(@.id == 'law-01077')].title").value("民法典 第一千零七十七条"));
    }

    @Test
    void filtersByCategory() throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", "离婚").param("category", "婚姻家庭"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].category", everyItem(is("婚姻家庭"))));
    }

    @Test
    void suggestsQuestionsAsYouType() throws Exception {
        mvc.perform(get("/api/v1/kb/suggest").param("q", "七天无理由"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("demo-29"));
        mvc.perform(get("/api/v1/kb/suggest").param("q", " "))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void blankQueryIsAProblemNamingTheField(String q) throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", q))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("q"))
                .andExpect(jsonPath("$.code").value("q.required"));
    }

    @Test
    void missingQueryIsAProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/kb/search"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("q"));
    }

    @Test
    void tenThousandCharacterQueryIsRefused() throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", "工资".repeat(5000)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("q.tooLong"))
                .andExpect(jsonPath("$.detail").value("搜索内容不能超过100个字"));
        mvc.perform(get("/api/v1/kb/suggest").param("q", "工资".repeat(5000)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("q"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"title:(a OR", "*:*", "离婚~2^3 AND", "\\", "[1 TO *]", "\"unclosed",
            "<script>alert('x')</script>工资", "😀😀😀", "{\"match_all\":{}}", "' OR 1=1 --"})
    void queryAnyTextSafely(String q) throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", q))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].snippet", everyItem(not(containsString("<script")))));
        mvc.perform(get("/api/v1/kb/suggest").param("q", q)).andExpect(status().isOk());
    }

    /**
     * Bug (issue 17, knowledge base): a newline from the portal's multi-line question box or a control
     * character pasted with the text made the search answer 400 and the suggestions vanish.
     */
    @ParameterizedTest
    @ValueSource(strings = {"老板拖欠工资\n不给怎么办", "老板拖欠工资\r\n不给怎么办", "老板拖欠\u0000工资\u0007不给怎么办",
            "老板拖欠工资\t不给\u3000怎么办\u2028", "\uFEFF老板拖欠工资不给\u200B怎么办"})
    void aQueryWithLineBreaksOrControlCharactersIsSearchedAsItsWords(String q) throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", q))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("demo-01"));
        mvc.perform(get("/api/v1/kb/suggest").param("q", "公司拖欠工资\n不发"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("demo-01"));
    }

    @Test
    void aQueryOfControlCharactersOnlyIsBlank() throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", "\u0000\u0007\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("q"))
                .andExpect(jsonPath("$.code").value("q.required"));
    }

    @Test
    void limitOutOfRangeOrNotANumberIsAProblem() throws Exception {
        mvc.perform(get("/api/v1/kb/search").param("q", "工资").param("limit", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("limit"));
        mvc.perform(get("/api/v1/kb/search").param("q", "工资").param("limit", "abc"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("limit"));
        mvc.perform(get("/api/v1/kb/search").param("q", "工资").param("limit", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void recordsThatAnArticleSolvedTheProblem() throws Exception {
        mvc.perform(post("/api/v1/kb/deflections").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"articleId\":\"demo-02\",\"query\":\"不签合同\",\"impression\":\""
                                + KnowledgeApi.impressionOf(mvc, "不签合同", "demo-02") + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/kb/deflections").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"articleId\":\"no-such-article\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("article.notFound"));
        mvc.perform(post("/api/v1/kb/deflections").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("articleId"));
        mvc.perform(post("/api/v1/kb/deflections").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"articleId\":\"demo-02\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("impression"));
    }
}
