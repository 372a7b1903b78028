package org.law12348.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatuteRefTest {

    @Test
    void readsCitationsAsTheSourcesWriteThem() {
        assertThat(StatuteRef.parse("《民法典》第一千零六十三条：下列财产为夫妻一方的个人财产：……"))
                .contains(new StatuteRef("民法典", "第一千零六十三条"));
        assertThat(StatuteRef.parse("《中华人民共和国劳动合同法》第八十二条")).get()
                .extracting(StatuteRef::key).isEqualTo("劳动合同法|第八十二条");
        assertThat(StatuteRef.parse("刑法第一百二十条之一")).get()
                .extracting(StatuteRef::article).isEqualTo("第一百二十条之一");
    }

    @Test
    void theFullAndTheShortLawNameCiteTheSameArticle() {
        assertThat(new StatuteRef("中华人民共和国民法典", "第一千零七十九条"))
                .isEqualTo(new StatuteRef("民法典", "第一千零七十九条"));
        assertThat(StatuteRef.ofKey("民法典|第一千零七十九条").display()).isEqualTo("《民法典》第一千零七十九条");
    }

    @Test
    void somethingElseIsNoCitation() {
        assertThat(StatuteRef.parse("参见相关法律规定")).isEmpty();
        assertThat(StatuteRef.parse(null)).isEmpty();
        assertThatThrownBy(() -> new StatuteRef("民法典", "一千条")).isInstanceOf(IllegalArgumentException.class);
    }
}
