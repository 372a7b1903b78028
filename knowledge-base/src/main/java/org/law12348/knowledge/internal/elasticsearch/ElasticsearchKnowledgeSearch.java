package org.law12348.knowledge.internal.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.KnowledgeProperties;
import org.law12348.knowledge.KnowledgeSearch;
import org.law12348.knowledge.SearchDocument;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchQuery;
import org.law12348.knowledge.SearchUnavailableException;
import org.law12348.knowledge.Suggestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Elasticsearch backend. Searches and writes go through an alias; {@link #rebuild} fills a new
 * index and then moves the alias in one atomic request, so a rebuild never takes search down.
 */
public final class ElasticsearchKnowledgeSearch implements KnowledgeSearch {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchKnowledgeSearch.class);
    private static final int BULK_SIZE = 1000;

    private final ElasticsearchClient client;
    private final EsAliases aliases;
    private final EsQueries queries;
    private final String alias;

    /** Uses the given client (tests wire their own transport); creates the first index if there is none. */
    public ElasticsearchKnowledgeSearch(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
        this.aliases = new EsAliases(client, alias);
        this.queries = new EsQueries(client, alias);
        call(() -> {
            aliases.ensureExists();
            return null;
        });
    }

    /** Connects to the cluster the settings name. */
    public static ElasticsearchKnowledgeSearch connect(KnowledgeProperties.Elasticsearch settings) {
        List<Header> headers = new ArrayList<>();
        if (!settings.apiKey().isBlank()) {
            headers.add(new BasicHeader("Authorization", "ApiKey " + settings.apiKey()));
        } else if (!settings.username().isBlank()) {
            String token = Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
            headers.add(new BasicHeader("Authorization", "Basic " + token));
        }
        RestClient rest = RestClient.builder(HttpHost.create(settings.url()))
                .setDefaultHeaders(headers.toArray(Header[]::new)).build();
        log.info("Knowledge base searches Elasticsearch at {} through alias {}", settings.url(), settings.alias());
        return new ElasticsearchKnowledgeSearch(
                new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())), settings.alias());
    }

    @Override
    public void index(Collection<SearchDocument> documents) {
        if (!documents.isEmpty()) {
            call(() -> bulkIndex(alias, documents.iterator(), Refresh.True));
        }
    }

    @Override
    public void remove(DocumentType type, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        call(() -> checked(client.bulk(b -> {
            ids.forEach(id -> b.operations(op -> op.delete(d -> d.index(alias).id(type.code() + ":" + id))));
            return b.refresh(Refresh.True);
        })));
    }

    @Override
    public void rebuild(Stream<SearchDocument> documents) {
        call(() -> {
            String fresh = aliases.createIndex();
            bulkIndex(fresh, documents.iterator(), Refresh.True);
            aliases.moveTo(fresh);
            return null;
        });
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        return call(() -> queries.search(query));
    }

    @Override
    public List<Suggestion> suggest(String typed, int limit) {
        return call(() -> queries.suggest(typed, limit));
    }

    @Override
    public long count() {
        return call(() -> client.count(c -> c.index(alias)).count());
    }

    @Override
    public boolean builtWithCurrentLayout() {
        return call(() -> aliases.builtWith(IndexDefinition.LAYOUT));
    }

    @Override
    public String backendName() {
        return "elasticsearch";
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            log.warn("Closing the Elasticsearch client failed: {}", e.toString());
        }
    }

    private Void bulkIndex(String index, Iterator<SearchDocument> docs, Refresh refresh) throws IOException {
        while (docs.hasNext()) {
            BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
            for (int n = 0; n < BULK_SIZE && docs.hasNext(); n++) {
                SearchDocument doc = docs.next();
                bulk.operations(op -> op.index(i -> i.id(doc.key()).document(EsDocument.of(doc))));
            }
            checked(client.bulk(bulk.refresh(docs.hasNext() ? Refresh.False : refresh).build()));
        }
        return null;
    }

    private static Void checked(BulkResponse response) {
        if (response.errors()) {
            String reason = response.items().stream().filter(i -> i.error() != null && i.status() != 404)
                    .map(i -> i.id() + ": " + i.error().reason()).findFirst().orElse(null);
            if (reason != null) {
                throw new SearchUnavailableException("Elasticsearch rejected a bulk write: " + reason, null);
            }
        }
        return null;
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException("Elasticsearch request failed: " + e.getMessage(), e);
        }
    }
}
