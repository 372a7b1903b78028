package org.law12348.knowledge.internal.lucene;

import org.junit.jupiter.api.Test;
import org.law12348.knowledge.internal.LegalSynonyms;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The synonym lists are data: every rule must survive the analysis both backends give it. */
class SynonymRulesTest {

    @Test
    void everyRuleParsesOnItsOwn() {
        List<String> bad = new ArrayList<>();
        for (String rule : LegalSynonyms.rules()) {
            try {
                ChineseAnalyzers.synonyms(List.of(rule));
            } catch (RuntimeException e) {
                bad.add(rule + " (" + (e.getCause() == null ? e : e.getCause().getCause()) + ")");
            }
        }
        assertThat(bad).as("rules whose words are stopwords or analyse away").isEmpty();
    }
}
