package org.law12348.knowledge.internal.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import co.elastic.clients.json.JsonData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The concrete indices behind the knowledge-base alias, and the atomic alias switch. */
final class EsAliases {

    private static final Logger log = LoggerFactory.getLogger(EsAliases.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final ElasticsearchClient client;
    private final String alias;
    private final AtomicInteger sequence = new AtomicInteger();

    EsAliases(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Creates a first index behind the alias unless the alias exists. */
    void ensureExists() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            String index = createIndex();
            client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias))));
            log.info("Created knowledge-base index {} behind alias {}", index, alias);
        }
    }

    /** A new, empty index with the current mapping, not yet behind the alias. */
    String createIndex() throws IOException {
        String name = alias + "-" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "-" + sequence.incrementAndGet();
        client.indices().create(c -> c.index(name).withJson(new StringReader(IndexDefinition.json())));
        return name;
    }

    /** Points the alias at {@code index} alone, in one request, then deletes the indices it left. */
    void moveTo(String index) throws IOException {
        List<String> old = current();
        client.indices().updateAliases(u -> {
            u.actions(a -> a.add(add -> add.index(index).alias(alias)));
            old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
            return u;
        });
        if (!old.isEmpty()) {
            client.indices().delete(d -> d.index(old));
        }
        log.info("Alias {} now points at {} (removed {})", alias, index, old);
    }

    /** Whether the indices behind the alias were created with the given layout (their mapping's {@code _meta}). */
    boolean builtWith(String layout) throws IOException {
        Collection<IndexMappingRecord> mappings = client.indices().getMapping(g -> g.index(alias)).result().values();
        return !mappings.isEmpty() && mappings.stream().allMatch(m -> {
            JsonData built = m.mappings().meta().get(IndexDefinition.LAYOUT_KEY);
            return built != null && layout.equals(built.to(String.class));
        });
    }

    private List<String> current() throws IOException {
        return List.copyOf(client.indices().getAlias(g -> g.name(alias)).result().keySet());
    }
}
