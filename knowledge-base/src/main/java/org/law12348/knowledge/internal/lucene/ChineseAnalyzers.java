package org.law12348.knowledge.internal.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.law12348.knowledge.internal.LegalSynonyms;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.Map;

/**
 * The analysis chains of the Lucene index. Text fields are segmented into Chinese words by smartcn;
 * the {@code *_cjk} field holds character bigrams (robust to segmentation, and what as-you-type
 * matching needs); {@code title_py} the question's pinyin tokens, computed in Java (KnowledgePinyin) and
 * split on spaces. Synonyms are expanded at query time only. The Elasticsearch mapping mirrors this.
 */
final class ChineseAnalyzers {

    static final String CJK_SUFFIX = "_cjk";
    private static final CharArraySet QUESTION_WORDS = new CharArraySet(LegalSynonyms.stopwords(), false);

    private ChineseAnalyzers() {
    }

    /** For writing documents: smartcn words, and bigrams for the {@code *_cjk} fields. */
    static Analyzer forIndex() {
        return perField(words(null));
    }

    /** For queries: as for indexing, plus the legal synonyms on the word fields. */
    static Analyzer forQuery() {
        return perField(words(synonyms()));
    }

    private static Analyzer perField(Analyzer words) {
        Analyzer bigrams = new CJKAnalyzer();
        return new PerFieldAnalyzerWrapper(words, Map.of(
                LuceneFields.TITLE + CJK_SUFFIX, bigrams,
                LuceneFields.TITLE_PINYIN, new WhitespaceAnalyzer()));
    }

    private static Analyzer words(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = new CJKWidthFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
                stream = new StopFilter(stream, QUESTION_WORDS);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    private static SynonymMap synonyms() {
        return synonyms(LegalSynonyms.rules());
    }

    /** Parses synonym rules as the query analysis uses them; a rule whose words analyse away fails here. */
    static SynonymMap synonyms(java.util.List<String> rules) {
        try (Analyzer plain = words(null)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
            parser.parse(new StringReader(String.join("\n", rules)));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("Bad synonym list", e);
        }
    }
}
