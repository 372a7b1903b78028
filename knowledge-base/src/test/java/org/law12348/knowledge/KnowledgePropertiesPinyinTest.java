package org.law12348.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgePropertiesPinyinTest {

    @Test
    void pinyinIsOffByDefaultAndThenWeighsNothing() {
        KnowledgeProperties defaults = new KnowledgeProperties(null, null, null, null, null, null, null);
        assertThat(defaults.pinyin().enabled()).isFalse();
        assertThat(defaults.pinyin().weight()).isEqualTo(0.5);
        assertThat(defaults.pinyin().queryWeight()).isZero();
    }

    @Test
    void enabledPinyinWeighsItsSetting() {
        assertThat(new KnowledgeProperties.Pinyin(true, null).queryWeight()).isEqualTo(0.5);
        assertThat(new KnowledgeProperties.Pinyin(true, 1.5).queryWeight()).isEqualTo(1.5);
        assertThat(new KnowledgeProperties.Pinyin(true, -1.0).queryWeight()).isEqualTo(0.5);
    }

    @Test
    void aQueryByWordsAsksNoPinyinAndABadWeightIsRefused() {
        assertThat(new SearchQuery("离婚", null, null, 10).pinyinWeight()).isZero();
        assertThat(new SearchQuery("离婚", null, null, 10).with(20, 0.5))
                .isEqualTo(new SearchQuery("离婚", null, null, 20, 0.5));
        assertThatThrownBy(() -> new SearchQuery("离婚", null, null, 10, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SearchQuery("离婚", null, null, 10, -0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
