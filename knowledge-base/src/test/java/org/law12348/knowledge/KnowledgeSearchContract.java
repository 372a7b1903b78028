package org.law12348.knowledge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link KnowledgeSearch} backend must have. Lucene and Elasticsearch both
 * extend this class; it uses no backend class, so the Elasticsearch module can run it without Lucene 9.
 */
public abstract class KnowledgeSearchContract {

    protected static final List<SearchDocument> FIXTURES = List.of(
            faq("f-wages", "公司拖欠工资三个月不发怎么办？",
                    "用人单位应当按时足额支付劳动报酬。被拖欠时可以先与单位协商，也可以向劳动保障监察机构投诉，"
                            + "或者向劳动争议仲裁委员会申请仲裁，仲裁时效为一年。", "劳动争议"),
            faq("f-divorce", "丈夫不同意离婚，妻子可以起诉离婚吗？",
                    "一方要求离婚的，可以向人民法院提起诉讼。感情确已破裂、调解无效的，应当准予离婚。", "婚姻家庭"),
            faq("f-custody", "离婚后孩子的抚养权归谁？",
                    "不满两周岁的子女，以由母亲直接抚养为原则；已满八周岁的，应当尊重其真实意愿。", "婚姻家庭"),
            faq("f-accident", "发生交通事故后对方不赔偿怎么办？",
                    "应当先报警由交警出具事故认定书，保险公司在交强险责任限额内先行赔偿，不足部分按责任比例承担。", "交通事故"),
            faq("f-loan", "朋友借款不还，没有写借条能要回来吗？",
                    "自然人之间的借款合同自贷款人提供借款时成立。没有借条时，转账记录、聊天记录、证人证言都可以证明借款事实。", "借贷债务"),
            faq("f-deposit", "租期到了出租人扣押金不退怎么办？",
                    "租赁期满承租人按约返还房屋的，出租人应当退还押金。无正当理由扣留的，可以协商、申请调解或者起诉。", "房产物业"),
            faq("f-html", "网购收到假货可以要求几倍赔偿？",
                    "经营者有欺诈行为的，消费者可以要求退一赔三，增加赔偿的金额不足五百元的为五百元。<script>alert(1)</script>", "消费维权"),
            statute("s-1079", "民法典 第一千零七十九条",
                    "夫妻一方要求离婚的，可以由有关组织进行调解或者直接向人民法院提起离婚诉讼。", "民法典"),
            statute("s-lc30", "劳动合同法 第三十条",
                    "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。", "劳动合同法"));

    protected KnowledgeSearch search;

    /** A fresh, empty backend for each test. */
    protected abstract KnowledgeSearch newEmptySearch();

    @BeforeEach
    void loadFixtures() {
        search = newEmptySearch();
        search.index(FIXTURES);
    }

    @AfterEach
    void closeSearch() {
        search.close();
    }

    @Test
    void findsTheArticleWhoseQuestionMatchesBestFirst() {
        List<SearchHit> hits = search.search(query("拖欠工资"));
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).id()).isEqualTo("f-wages");
        assertThat(hits.get(0).type()).isEqualTo(DocumentType.FAQ);
        assertThat(hits.get(0).title()).isEqualTo("公司拖欠工资三个月不发怎么办？");
        assertThat(hits.get(0).category()).isEqualTo("劳动争议");
        assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void understandsHowCitizensSayIt() {
        assertThat(top("老公不肯离婚怎么办")).isEqualTo("f-divorce");
        assertThat(top("撞车了对方不赔钱")).isEqualTo("f-accident");
        assertThat(top("房东不退押金")).isEqualTo("f-deposit");
        assertThat(top("老板不发薪水")).isEqualTo("f-wages");
    }

    @Test
    void findsAHomophoneTypoByItsPinyinWhenAsked() {
        // 扶样全 (fú yàng quán) dictated for 抚养权 (fǔ yǎng quán): no word and no character bigram matches
        String typo = "扶样全";
        assertThat(search.search(query(typo))).extracting(SearchHit::id).doesNotContain("f-custody");
        List<SearchHit> hits = search.search(new SearchQuery(typo, null, null, 10, 0.5));
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).id()).isEqualTo("f-custody");
        // and a text spelt right ranks as before
        assertThat(search.search(new SearchQuery("拖欠工资", null, null, 10, 0.5)).get(0).id()).isEqualTo("f-wages");
    }

    @Test
    void findsStatutesToo() {
        List<SearchHit> hits = search.search(new SearchQuery("起诉离婚", null, DocumentType.STATUTE, 5));
        assertThat(hits).extracting(SearchHit::id).containsExactly("s-1079");
        assertThat(hits.get(0).type()).isEqualTo(DocumentType.STATUTE);
    }

    @Test
    void filtersByCategory() {
        List<SearchHit> hits = search.search(new SearchQuery("离婚", "婚姻家庭", null, 10));
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.category()).isEqualTo("婚姻家庭"));
        assertThat(search.search(new SearchQuery("离婚", "交通事故", null, 10))).isEmpty();
    }

    @Test
    void highlightsMatchedWordsInAnEscapedSnippet() {
        SearchHit wages = search.search(query("仲裁时效")).get(0);
        assertThat(wages.id()).isEqualTo("f-wages");
        assertThat(wages.snippet()).contains("<em>").contains("</em>").contains("仲裁");

        SearchHit html = search.search(query("假货赔偿")).get(0);
        assertThat(html.id()).isEqualTo("f-html");
        assertThat(html.snippet()).doesNotContain("<script>");
    }

    @Test
    void limitsTheNumberOfHits() {
        assertThat(search.search(new SearchQuery("离婚", null, null, 1))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title:(a OR", "\"unbalanced", "*:*", "a AND OR NOT", "\\", "离婚~2^3", "[1 TO *]",
            "<script>alert(1)</script>", "{\"query\":{\"match_all\":{}}}", "😀😀😀", "。。。！！"})
    void treatsAnyTextAsWordsAndNeverFails(String text) {
        List<SearchHit> hits = search.search(query(text));
        assertThat(hits).hasSizeLessThanOrEqualTo(FIXTURES.size());
        assertThat(hits).noneMatch(h -> h.snippet().contains("<script>"));
    }

    @Test
    void emojiOnlyFindsNothing() {
        assertThat(search.search(query("😀😀😀"))).isEmpty();
    }

    @Test
    void reindexingTheSameIdReplacesTheDocument() {
        search.index(List.of(faq("f-wages", "加班费怎么计算？", "延长工作时间的，支付不低于工资百分之一百五十的报酬。", "劳动争议")));
        assertThat(search.search(query("加班费")).get(0).id()).isEqualTo("f-wages");
        assertThat(search.search(query("拖欠三个月"))).extracting(SearchHit::id).doesNotContain("f-wages");
        assertThat(search.count()).isEqualTo(FIXTURES.size());
    }

    @Test
    void removedDocumentsAreNoLongerFound() {
        search.remove(DocumentType.FAQ, List.of("f-loan", "does-not-exist"));
        assertThat(search.search(query("借款不还"))).extracting(SearchHit::id).doesNotContain("f-loan");
        assertThat(search.count()).isEqualTo(FIXTURES.size() - 1);
    }

    @Test
    void rebuildReplacesTheWholeContent() {
        search.rebuild(Stream.of(faq("f-new", "遗嘱怎么写才有效？", "自书遗嘱由遗嘱人亲笔书写，签名，注明年、月、日。", "继承")));
        assertThat(search.count()).isEqualTo(1);
        assertThat(top("自书遗嘱")).isEqualTo("f-new");
        assertThat(search.search(query("拖欠工资"))).isEmpty();
    }

    @Test
    void suggestsQuestionsAsTheCitizenTypes() {
        assertThat(search.suggest("拖欠工", 5)).containsExactly(
                new Suggestion("f-wages", "公司拖欠工资三个月不发怎么办？", "劳动争议"));
        assertThat(search.suggest("离婚后孩子", 5)).extracting(Suggestion::id).startsWith("f-custody");
        assertThat(search.suggest("离婚", 5)).extracting(Suggestion::id).doesNotContain("s-1079");
        assertThat(search.suggest("😀", 5)).isEmpty();
    }

    @Test
    void anIndexThisVersionBuiltHasTheCurrentLayout() {
        assertThat(search.builtWithCurrentLayout()).isTrue();
        search.rebuild(FIXTURES.stream());
        assertThat(search.builtWithCurrentLayout()).isTrue();
    }

    private String top(String text) {
        List<SearchHit> hits = search.search(query(text));
        assertThat(hits).as("hits for %s", text).isNotEmpty();
        return hits.get(0).id();
    }

    protected static SearchQuery query(String text) {
        return new SearchQuery(text, null, null, 10);
    }

    protected static SearchDocument faq(String id, String question, String answer, String category) {
        return new SearchDocument(id, DocumentType.FAQ, question, answer, category);
    }

    protected static SearchDocument statute(String id, String title, String text, String law) {
        return new SearchDocument(id, DocumentType.STATUTE, title, text, law);
    }
}
