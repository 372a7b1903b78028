package org.law12348.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Settings of the knowledge base ({@code law12348.knowledge.*}).
 *
 * @param backend          {@code lucene} (embedded, default) or {@code elasticsearch}
 * @param indexDir         where the embedded Lucene index lives
 * @param loadDemoContent  load the shipped statutes and demo FAQ articles when the knowledge base is empty
 * @param zone             the time zone whose calendar days the search and deflection figures count in
 * @param elasticsearch    how to reach Elasticsearch when that backend is chosen
 * @param semantic         the semantic half of the hybrid search
 * @param pinyin           matching the question's toneless pinyin (homophone typos)
 */
@ConfigurationProperties("law12348.knowledge")
public record KnowledgeProperties(Backend backend, Path indexDir, Boolean loadDemoContent, ZoneId zone,
                                  Elasticsearch elasticsearch, Semantic semantic, Pinyin pinyin) {

    public enum Backend { LUCENE, ELASTICSEARCH }

    /**
     * @param url      base URL of the cluster, e.g. {@code http://localhost:9200}
     * @param alias    the alias searches go through; rebuilds create a new index behind it
     * @param username basic-auth user (empty: none)
     * @param password basic-auth password
     * @param apiKey   API key (takes precedence over basic auth when set)
     */
    public record Elasticsearch(String url, String alias, String username, String password, String apiKey) {
        public Elasticsearch {
            url = url == null || url.isBlank() ? "http://localhost:9200" : url.strip();
            alias = alias == null || alias.isBlank() ? "law12348-kb" : alias.strip();
            username = username == null ? "" : username;
            password = password == null ? "" : password;
            apiKey = apiKey == null ? "" : apiKey;
        }
    }

    /**
     * @param enabled        compute question vectors and fuse nearest-in-meaning FAQs into the search
     * @param syncUpTo       start-up builds the index before the application is ready only for at most
     *                       this many FAQs (the demo content); more build in the background. Also the
     *                       largest change (an edit, a small import) embedded before its request returns
     * @param minSimilarity  cosine similarity below which a neighbour is not a hit at all
     * @param candidates     how many nearest neighbours go into the fusion (the lexical side gives its top 10)
     * @param rrfK           the rank offset of reciprocal rank fusion
     * @param lexicalWeight  weight of the lexical rank
     * @param semanticWeight weight of the semantic rank
     * @param catchUpEvery   how often a node reads the FAQs other nodes changed into its own graph
     */
    public record Semantic(Boolean enabled, Integer syncUpTo, Double minSimilarity, Integer candidates, Integer rrfK,
                           Double lexicalWeight, Double semanticWeight, java.time.Duration catchUpEvery) {
        public Semantic {
            enabled = enabled == null || enabled;
            syncUpTo = syncUpTo == null ? 200 : syncUpTo;
            minSimilarity = minSimilarity == null ? 0.5 : minSimilarity;
            candidates = candidates == null ? 20 : candidates;
            rrfK = rrfK == null ? 60 : rrfK;
            lexicalWeight = lexicalWeight == null ? 1.0 : lexicalWeight;
            semanticWeight = semanticWeight == null ? 1.0 : semanticWeight;
            catchUpEvery = catchUpEvery == null || catchUpEvery.isNegative() || catchUpEvery.isZero()
                    ? java.time.Duration.ofMinutes(1) : catchUpEvery;
        }
    }

    /**
     * Both backends always index the pinyin of every question (a field of its own); this decides whether
     * searches ask it.
     *
     * @param enabled add the pinyin of the citizen's text, matched against the questions' pinyin, to the
     *                lexical search
     * @param weight  its weight beside the words (title words count 3, body words and title bigrams 1)
     */
    public record Pinyin(Boolean enabled, Double weight) {
        public Pinyin {
            enabled = enabled != null && enabled;
            weight = weight == null || !(weight >= 0) ? 0.5 : weight;
        }

        /** The weight a search gives the pinyin: 0 when it is off. */
        public double queryWeight() {
            return enabled ? weight : 0;
        }
    }

    public KnowledgeProperties {
        backend = backend == null ? Backend.LUCENE : backend;
        indexDir = indexDir == null ? Path.of("./data/kb-index") : indexDir;
        loadDemoContent = loadDemoContent == null || loadDemoContent;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        elasticsearch = elasticsearch == null ? new Elasticsearch(null, null, null, null, null) : elasticsearch;
        semantic = semantic == null ? new Semantic(null, null, null, null, null, null, null, null) : semantic;
        pinyin = pinyin == null ? new Pinyin(null, null) : pinyin;
    }
}
