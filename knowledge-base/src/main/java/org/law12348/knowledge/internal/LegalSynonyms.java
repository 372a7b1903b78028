package org.law12348.knowledge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The word lists both search backends share: legal synonyms (Solr format) and question stopwords. */
public final class LegalSynonyms {

    private static final String SYNONYMS = "/org/law12348/knowledge/synonyms.txt";
    private static final String COLLOQUIAL = "/org/law12348/knowledge/colloquial.txt";
    private static final String STOPWORDS = "/org/law12348/knowledge/stopwords.txt";

    private LegalSynonyms() {
    }

    /**
     * The synonym rules without comments and blank lines: the groups expanded both ways
     * ({@code 老公,丈夫,配偶}) and the one-way colloquial, regional and misspelt words
     * ({@code 被炒 => 被炒, 辞退}, {@code 离昏 => 离婚}).
     */
    public static List<String> rules() {
        List<String> rules = new java.util.ArrayList<>(lines(SYNONYMS));
        rules.addAll(lines(COLLOQUIAL));
        return List.copyOf(rules);
    }

    /** Words that say how people ask (怎么办, 吗, 我…), not what they ask about. */
    public static List<String> stopwords() {
        return lines(STOPWORDS);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = LegalSynonyms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
