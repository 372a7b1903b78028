package org.law12348.knowledge.internal.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.BoundaryScanner;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchQuery;
import org.law12348.knowledge.Suggestion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches of the Elasticsearch backend. User text only ever goes into {@code match} queries,
 * which analyse it as words; nothing is parsed as query-string syntax.
 */
final class EsQueries {

    private static final int SNIPPET_LENGTH = 120;

    private final ElasticsearchClient client;
    private final String alias;

    EsQueries(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    List<SearchHit> search(SearchQuery query) throws IOException {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .should(s -> s.match(m -> m.field("title").query(query.text()).boost(3f)))
                .should(s -> s.match(m -> m.field("body").query(query.text())))
                .should(s -> s.match(m -> m.field("title.cjk").query(query.text())))
                .minimumShouldMatch("1");
        if (query.category() != null) {
            bool.filter(f -> f.term(t -> t.field("category").value(query.category())));
        }
        if (query.type() != null) {
            bool.filter(f -> f.term(t -> t.field("type").value(query.type().code())));
        }
        SearchResponse<EsDocument> response = client.search(s -> s.index(alias)
                .query(Query.of(q -> q.bool(bool.build())))
                .size(query.limit())
                // nobody reads the total; counting it exactly keeps the node from skipping low-scoring blocks
                .trackTotalHits(t -> t.enabled(false))
                .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .fields("body", f -> f.fragmentSize(SNIPPET_LENGTH).numberOfFragments(1)
                                .noMatchSize(SNIPPET_LENGTH).boundaryScanner(BoundaryScanner.Sentence)
                                .boundaryScannerLocale("zh-CN"))), EsDocument.class);
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<EsDocument> hit : response.hits().hits()) {
            EsDocument doc = hit.source();
            List<String> snippet = hit.highlight().get("body");
            hits.add(new SearchHit(doc.id(), DocumentType.ofCode(doc.type()), doc.title(),
                    snippet == null || snippet.isEmpty() ? "" : snippet.get(0), doc.category(),
                    hit.score() == null ? 0 : hit.score()));
        }
        return hits;
    }

    List<Suggestion> suggest(String typed, int limit) throws IOException {
        SearchResponse<EsDocument> response = client.search(s -> s.index(alias)
                .query(q -> q.bool(b -> b
                        .must(m -> m.match(mm -> mm.field("title.cjk").query(typed).minimumShouldMatch("75%")))
                        .filter(f -> f.term(t -> t.field("type").value(DocumentType.FAQ.code())))))
                .size(limit)
                .trackTotalHits(t -> t.enabled(false)), EsDocument.class);
        return response.hits().hits().stream()
                .map(Hit::source)
                .map(d -> new Suggestion(d.id(), d.title(), d.category()))
                .toList();
    }
}
