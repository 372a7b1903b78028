package org.law12348.knowledge.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgePinyinTest {

    @Test
    void neighbouringCharactersBecomeTonelessSyllablePairs() {
        assertThat(KnowledgePinyin.tokens("抚养费")).containsExactly("fu_yang", "yang_fei");
        assertThat(KnowledgePinyin.text("抚养费")).isEqualTo("fu_yang yang_fei");
    }

    @Test
    void homophoneTyposSoundTheSame() {
        assertThat(KnowledgePinyin.tokens("扶样费")).isEqualTo(KnowledgePinyin.tokens("抚养费"));
        assertThat(KnowledgePinyin.tokens("离昏")).isEqualTo(KnowledgePinyin.tokens("离婚"));
        // a different tone is still the same token: 工伤 gōngshāng, 工商 gōngshāng, 公伤 gōngshāng
        assertThat(KnowledgePinyin.tokens("公伤")).isEqualTo(KnowledgePinyin.tokens("工伤"));
        // 拖钱 tuōqián against 拖欠 tuōqiàn
        assertThat(KnowledgePinyin.tokens("拖钱")).isEqualTo(KnowledgePinyin.tokens("拖欠"));
        assertThat(KnowledgePinyin.tokens("离职")).isNotEqualTo(KnowledgePinyin.tokens("离婚"));
    }

    @Test
    void polyphonesGiveEveryCombinationOfTheirFirstTwoReadings() {
        assertThat(KnowledgePinyin.tokens("还钱")).containsExactly("hai_qian", "huan_qian");
        // 期 reads qi or ji: four combinations, the meant one (cháng qī) among them
        assertThat(KnowledgePinyin.tokens("长期")).containsExactlyInAnyOrder("zhang_qi", "zhang_ji", "chang_qi",
                "chang_ji");
        // 行 has xing, hang, heng: two readings only, so a pair of polyphones gives at most four tokens
        assertThat(KnowledgePinyin.tokens("行长")).containsExactlyInAnyOrder(
                "xing_zhang", "xing_chang", "hang_zhang", "hang_chang");
        // whichever reading the writer meant, 还款 (huán) and 环款 (huán) share a token
        assertThat(KnowledgePinyin.tokens("还款")).containsAnyElementsOf(KnowledgePinyin.tokens("环款"));
    }

    @Test
    void whatIsNotChineseSeparatesRunsAndGivesNoToken() {
        assertThat(KnowledgePinyin.tokens("abc 123 ABC")).isEmpty();
        assertThat(KnowledgePinyin.tokens("工伤A级")).containsExactly("gong_shang", "ji");
        assertThat(KnowledgePinyin.tokens("离婚，财产")).containsExactly("li_hun", "cai_chan");
        assertThat(KnowledgePinyin.tokens("😀离婚😀")).containsExactly("li_hun");
        assertThat(KnowledgePinyin.tokens(null)).isEmpty();
        assertThat(KnowledgePinyin.tokens("")).isEmpty();
    }

    @Test
    void fullWidthLettersDigitsAndPunctuationAreNotChinese() {
        assertThat(KnowledgePinyin.tokens("ＡＢＣ１２３，。？　")).isEmpty();
        assertThat(KnowledgePinyin.tokens("离，婚")).containsExactly("li", "hun");
        assertThat(KnowledgePinyin.tokens("赔偿３千元")).containsExactly("pei_chang", "qian_yuan");
    }

    @Test
    void aLoneCharacterGivesItsSyllables() {
        assertThat(KnowledgePinyin.tokens("房")).containsExactly("fang");
        assertThat(KnowledgePinyin.tokens("A房B")).containsExactly("fang");
        assertThat(KnowledgePinyin.tokens("还")).containsExactly("hai", "huan");
    }
}
