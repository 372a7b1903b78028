package org.law12348.knowledge.web;

import org.junit.jupiter.api.Test;
import org.law12348.knowledge.DeflectionStats;
import org.law12348.knowledge.Deflections;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Lexical only: the 7,500-article import would otherwise keep a core busy embedding for minutes. */
@SpringBootTest(properties = {"law12348.knowledge.semantic.enabled=false",
        // its own database: the other contexts of this JVM would otherwise see its 7,500 articles
        "spring.datasource.url=jdbc:h2:mem:kb-import;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class ImportApiTest {

    private static final RequestPostProcessor ADMIN = user("admin-chen").roles("ADMIN");
    private static final RequestPostProcessor CONSULTANT = user("lawyer-li").roles("CONSULTANT");
    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    @Autowired
    MockMvc mvc;
    @Autowired
    Deflections deflections;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void importsGoodLinesReportsBadOnesByLineNumberAndUpdatesOnReimport() throws Exception {
        String file = line("imp-1", "邻居装修噪音太大影响休息怎么办？", "可以先与邻居沟通，请物业或居委会调解，噪音超标的可以向生态环境部门投诉。", "《民法典》第二百九十四条")
                + "{ not json\n"
                + "\n"
                + "{\"id\":\"imp-2\",\"question\":\"\",\"answer\":\"没有问题的答案。\",\"category\":\"其他\"}\n"
                + line("imp-3", "快递丢了快递公司只赔三倍运费合理吗？", "未保价的快递丢失，快递公司按实际损失赔偿，格式条款限制责任的可能无效。", "《民法典》第四百九十七条");
        mvc.perform(post("/api/v1/kb/import").with(ADMIN).contentType(JSON_LINES).content(file))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").value(5))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("question"));
        mvc.perform(get("/api/v1/kb/search").param("q", "装修噪音"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value("imp-1"));
        assertThat(jdbc.queryForList("select detail from audit_entry where actor = 'admin-chen' "
                + "and action = 'KNOWLEDGE_CHANGED'", String.class)).anyMatch(d -> d.contains("共5行，新增2"));

        String again = line("imp-1", "邻居装修噪音扰民怎么办？", "先沟通，再请物业或居委会调解，也可以报警或向生态环境部门投诉。", "《民法典》第二百九十四条")
                + line("imp-3", "快递丢了快递公司只赔三倍运费合理吗？", "未保价的快递丢失，快递公司按实际损失赔偿，格式条款限制责任的可能无效。", "《民法典》第四百九十七条");
        mvc.perform(post("/api/v1/kb/import").with(ADMIN).contentType(JSON_LINES).content(again))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(1));
        mvc.perform(get("/api/v1/kb/search").param("q", "装修噪音扰民").param("limit", "50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("imp-1"))
                .andExpect(jsonPath("$[0].title").value("邻居装修噪音扰民怎么办？"))
                .andExpect(jsonPath("$[?(@.id == 'imp-1')]", hasSize(1)));
        mvc.perform(get("/api/v1/kb/articles/imp-1/versions").with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
    }

    /**
     * Bug (issue 17, knowledge base): about 92 entries of the Q&A corpus have a line break in their
     * question; the import refused them as "control characters", so no query could ever find them.
     */
    @Test
    void entriesWhoseQuestionHasLineBreaksOrControlCharactersAreImportedNormalisedAndFound() throws Exception {
        String file = "{\"id\":\"nl-1\",\"question\":\"我老公经常喝酒后打我\\r\\n我想离婚\\n孩子的抚养权能给我吗\",\"answer\":"
                + "\"家庭暴力是准予离婚的法定情形。\\n\\n抚养权按照最有利于未成年子女的原则判决。\",\"category\":\"婚姻家庭\"}\n"
                + "{\"id\":\"nl-2\",\"question\":\"\\t网贷ＡＰＰ\\u0007催收\\u3000打电话骚扰我的家人\\u200B\",\"answer\":"
                + "\"催收不得骚扰借款人以外的第三人，可以向监管部门投诉。\",\"category\":\"借贷债务\"}\n";
        mvc.perform(post("/api/v1/kb/import").with(ADMIN).contentType(JSON_LINES).content(file))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.errors.length()").value(0));
        mvc.perform(get("/api/v1/kb/search").param("q", "老公喝酒打我想离婚"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("nl-1"))
                .andExpect(jsonPath("$[0].title").value("我老公经常喝酒后打我 我想离婚 孩子的抚养权能给我吗"));
        mvc.perform(get("/api/v1/kb/articles/nl-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answer").value("家庭暴力是准予离婚的法定情形。\n\n抚养权按照最有利于未成年子女的原则判决。"));
        mvc.perform(get("/api/v1/kb/search").param("q", "网贷APP催收骚扰家人"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("nl-2"))
                .andExpect(jsonPath("$[0].title").value("网贷APP催收 打电话骚扰我的家人"));
    }

    @Test
    void importsAnUploadedFile() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "faqs.jsonl", "application/octet-stream",
                line("upload-1", "公司让签空白劳动合同可以吗？", "劳动合同应当具备必备条款，不要在空白合同上签字，签字前应核对工作内容、报酬等条款。", "《劳动合同法》第十条")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/kb/import").file(file).with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
    }

    @Test
    void onlyAdminsImport() throws Exception {
        mvc.perform(post("/api/v1/kb/import").with(CONSULTANT).contentType(JSON_LINES)
                        .content(line("x-1", "顾问能导入吗？", "顾问不能批量导入。", "")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("只有管理员可以批量导入知识库"));
    }

    @Test
    void importsSevenThousandFiveHundredArticlesInSeconds() throws Exception {
        StringBuilder file = new StringBuilder();
        String[] topics = {"工资", "离婚", "借款", "租房", "交通事故", "继承", "消费", "工伤"};
        for (int i = 0; i < 7500; i++) {
            String topic = topics[i % topics.length];
            file.append(line("bulk-" + i, "第" + i + "号关于" + topic + "的咨询：遇到" + topic + "纠纷应当怎样处理？",
                    "关于" + topic + "问题第" + i + "号答复：建议先收集证据、协商解决，协商不成的可以申请调解、仲裁或者起诉。",
                    "《民法典》第一百八十八条"));
        }
        long start = System.nanoTime();
        mvc.perform(post("/api/v1/kb/import").with(ADMIN).contentType(JSON_LINES).content(file.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(7500))
                .andExpect(jsonPath("$.errors.length()").value(0));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("import of 7,500 articles took %d ms", millis).isLessThan(30_000);
        mvc.perform(get("/api/v1/kb/search").param("q", "第4321号关于交通事故").param("limit", "3"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem("bulk-4321")));
    }

    @Test
    void aChangedStatuteFlagsTheArticlesCitingItForReview() throws Exception {
        String changed = "{\"id\":\"law-01079\",\"law\":\"中华人民共和国民法典\",\"article\":\"第一千零七十九条\","
                + "\"text\":\"夫妻一方要求离婚的，可以由有关组织进行调解或者直接向人民法院提起离婚诉讼。（修订后的测试文本）\","
                + "\"version\":\"2030-01-01\"}\n";
        mvc.perform(post("/api/v1/kb/statutes/import").with(ADMIN).contentType(JSON_LINES).content(changed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.flaggedForReview").value(1));
        mvc.perform(get("/api/v1/kb/review-queue").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem("demo-12")))
                .andExpect(jsonPath("$[?(@.id == 'demo-12')].reviewReason").value(
                        "引用的法条 《民法典》第一千零七十九条 已更新（2030-01-01），请复核"));
        mvc.perform(get("/api/v1/kb/review-queue").with(CONSULTANT)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/kb/statutes/law-01079"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value("2030-01-01"));

        mvc.perform(post("/api/v1/kb/articles/demo-12/reviewed").with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.needsReview").value(false));
        mvc.perform(get("/api/v1/kb/review-queue").with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", not(hasItem("demo-12"))));
        mvc.perform(post("/api/v1/kb/statutes/import").with(ADMIN).contentType(JSON_LINES).content(changed))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.flaggedForReview").value(0));
    }

    @Test
    void deflectionsCountAgainstSearches() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        StaffMember admin = new StaffMember("admin-chen", StaffRole.ADMIN, null);
        DeflectionStats before = deflections.stats(today, today, admin);
        String impression = KnowledgeApi.impressionOf(mvc, "遗嘱", "demo-20");
        mvc.perform(post("/api/v1/kb/deflections").contentType(MediaType.APPLICATION_JSON)
                .content("{\"articleId\":\"demo-20\",\"query\":\"遗嘱\",\"impression\":\"" + impression + "\"}"))
                .andExpect(status().isNoContent());
        DeflectionStats after = deflections.stats(today, today, admin);
        assertThat(after.deflections()).isEqualTo(before.deflections() + 1);
        assertThat(after.searches()).isGreaterThanOrEqualTo(before.searches() + 1);
        assertThat(after.rate()).isBetween(0.0, 1.0).isPositive();
        mvc.perform(get("/api/v1/kb/deflections/stats").param("from", today.toString()).param("to", today.toString())
                        .with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deflections").value(after.deflections()));
    }

    private static String line(String id, String question, String answer, String law) {
        return "{\"id\":\"" + id + "\",\"question\":\"" + question + "\",\"answer\":\"" + answer
                + "\",\"category\":\"其他\",\"laws\":[" + (law.isEmpty() ? "" : "\"" + law + "：条文内容略。\"") + "]}\n";
    }
}
