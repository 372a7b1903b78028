package org.law12348.knowledge.estests;

import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;

/**
 * Stands in for the official {@code analysis-smartcn} plugin, which cannot be installed into the
 * in-JVM test node: it registers the same names ({@code smartcn_tokenizer}, {@code smartcn_stop})
 * over the same Lucene classes, so the production index mapping works unchanged.
 */
public class SmartcnAnalysisTestPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("smartcn_tokenizer", (indexSettings, environment, name, settings) ->
                new AbstractTokenizerFactory(indexSettings, settings, name) {
                    @Override
                    public Tokenizer create() {
                        return new HMMChineseTokenizer();
                    }
                });
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("smartcn_stop", (indexSettings, environment, name, settings) ->
                new AbstractTokenFilterFactory(indexSettings, name, settings) {
                    @Override
                    public TokenStream create(TokenStream tokenStream) {
                        return new StopFilter(tokenStream, SmartChineseAnalyzer.getDefaultStopSet());
                    }
                });
    }
}
