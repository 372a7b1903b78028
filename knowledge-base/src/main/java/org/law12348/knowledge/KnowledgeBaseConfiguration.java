package org.law12348.knowledge;

import org.law12348.knowledge.internal.elasticsearch.ElasticsearchKnowledgeSearch;
import org.law12348.knowledge.internal.lucene.LuceneKnowledgeSearch;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the knowledge base: its settings and the search backend they choose. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
public class KnowledgeBaseConfiguration {

    @Bean(destroyMethod = "close")
    KnowledgeSearch knowledgeSearch(KnowledgeProperties properties) {
        return switch (properties.backend()) {
            case LUCENE -> LuceneKnowledgeSearch.open(properties.indexDir());
            case ELASTICSEARCH -> ElasticsearchKnowledgeSearch.connect(properties.elasticsearch());
        };
    }
}
