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
 */
@ConfigurationProperties("law12348.knowledge")
public record KnowledgeProperties(Backend backend, Path indexDir, Boolean loadDemoContent, ZoneId zone,
                                  Elasticsearch elasticsearch) {

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

    public KnowledgeProperties {
        backend = backend == null ? Backend.LUCENE : backend;
        indexDir = indexDir == null ? Path.of("./data/kb-index") : indexDir;
        loadDemoContent = loadDemoContent == null || loadDemoContent;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        elasticsearch = elasticsearch == null ? new Elasticsearch(null, null, null, null, null) : elasticsearch;
    }
}
