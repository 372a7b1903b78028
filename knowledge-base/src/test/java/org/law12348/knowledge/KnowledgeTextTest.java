package org.law12348.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeTextTest {

    @Test
    void lineBreaksTabsAndOtherSpacesBecomeOneSpaceInALine() {
        assertThat(KnowledgeText.oneLine("我老公经常打我\r\n我想离婚\n\n孩子归谁？")).isEqualTo("我老公经常打我 我想离婚 孩子归谁？");
        assertThat(KnowledgeText.oneLine("\t 工资\u3000\u3000拖欠\u00A0三个月 \u2028")).isEqualTo("工资 拖欠 三个月");
        assertThat(KnowledgeText.oneLine("a\u2029b\u0085c\rd")).isEqualTo("a b c d");
    }

    @Test
    void controlAndFormatCharactersAreDropped() {
        assertThat(KnowledgeText.oneLine("工资\u0000\u0007拖欠\u200B了\uFEFF")).isEqualTo("工资拖欠了");
        assertThat(KnowledgeText.oneLine("坏的\uD83D字\uFFFD")).isEqualTo("坏的字");
        assertThat(KnowledgeText.oneLine("\u0001\u0002")).isEmpty();
        assertThat(KnowledgeText.oneLine("表情😀正常")).isEqualTo("表情😀正常");
    }

    @Test
    void fullWidthLettersAndDigitsBecomeAsciiButChinesePunctuationStays() {
        assertThat(KnowledgeText.oneLine("欠我５０００元，ＡＰＰ上借的？")).isEqualTo("欠我5000元，APP上借的？");
    }

    @Test
    void paragraphsKeepTheirLineBreaksWithAtMostOneEmptyLine() {
        assertThat(KnowledgeText.multiLine("  第一段 \r\n\r\n\r\n  第二段\t说明\r第三段\n\n"))
                .isEqualTo("第一段\n\n第二段 说明\n第三段");
    }

    @Test
    void nullStaysNull() {
        assertThat(KnowledgeText.oneLine(null)).isNull();
        assertThat(KnowledgeText.multiLine(null)).isNull();
    }
}
