package org.law12348.knowledge;

import org.junit.jupiter.api.Test;
import org.law12348.ticketing.InvalidInputException;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaqArticleTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private static final FaqContent CONTENT = FaqContent.of("借条丢了还能要回钱吗？", "可以用转账记录和聊天记录证明借款。",
            "借贷债务", List.of("《民法典》第六百七十九条"));

    @Test
    void aDraftIsPublishedArchivedAndRepublished() {
        FaqArticle article = FaqArticle.draft("kb-1", CONTENT, "lawyer-li", null, NOW);
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
        article.publish(NOW.plusSeconds(60));
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.publishedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThatThrownBy(() -> article.publish(NOW)).isInstanceOf(ArticleStateException.class)
                .extracting(e -> ((ArticleStateException) e).chineseMessage()).isEqualTo("文章已经发布");
        article.archive(NOW);
        assertThatThrownBy(() -> article.revise(CONTENT, NOW)).isInstanceOf(ArticleStateException.class);
        article.publish(NOW);
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void everyRevisionRaisesTheRevisionNumberAndReplacesTheCitations() {
        FaqArticle article = FaqArticle.draft("kb-2", CONTENT, "lawyer-li", null, NOW);
        article.revise(FaqContent.of("借条丢了怎么办？", "转账记录、聊天记录都能证明借款事实。", "借贷债务",
                List.of("《民法典》第一百八十八条")), NOW);
        assertThat(article.revision()).isEqualTo(2);
        assertThat(article.citations()).containsExactly(new StatuteRef("民法典", "第一百八十八条"));
    }

    @Test
    void onlyAFlaggedArticleCanBeMarkedReviewed() {
        FaqArticle article = FaqArticle.draft("kb-3", CONTENT, "lawyer-li", null, NOW);
        assertThatThrownBy(() -> article.markReviewed(NOW)).isInstanceOf(ArticleStateException.class);
    }

    @Test
    void contentNamesEveryBadField() {
        assertThatThrownBy(() -> FaqContent.of("", "短", " ", List.of()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(InvalidInputException.Violation::field)
                        .containsExactly("question", "answer", "category"));
        assertThatThrownBy(() -> FaqContent.of("问题问题问题？", "答案答案答案。", "其他", List.of("《民法典》第一条", "不是法条")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).field()).isEqualTo("laws[1]"));
    }
}
