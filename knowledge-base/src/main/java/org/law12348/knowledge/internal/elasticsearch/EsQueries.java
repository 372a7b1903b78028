package org.law12348.knowledge.internal.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.BoundaryScanner;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import jakarta.json.JsonArray;
import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.SearchHit;
import org.law12348.knowledge.SearchQuery;
import org.law12348.knowledge.Suggestion;
import org.law12348.knowledge.internal.KnowledgePinyin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Searches of the Elasticsearch backend. User text only ever goes into {@code match} queries,
 * which analyse it as words; nothing is parsed as query-string syntax.
 */
final class EsQueries {

    private static final int SNIPPET_LENGTH = 120;
    /** Loads no stored field for a hit, not even {@code _id}: what a hit shows comes from doc values. */
    private static final String NO_STORED_FIELDS = "_none_";
    private static final List<FieldAndFormat> SHOWN_FIELDS = Stream.of("id", "type", IndexDefinition.SHOWN_TITLE,
            "category").map(name -> FieldAndFormat.of(f -> f.field(name))).toList();

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
        String pinyin = query.pinyinWeight() > 0 ? String.join(" ",
                new java.util.LinkedHashSet<>(KnowledgePinyin.tokens(query.text()))) : "";
        if (!pinyin.isEmpty()) {
            // what the text sounds like against what the questions sound like: homophone typos
            bool.should(s -> s.match(m -> m.field(IndexDefinition.TITLE_PINYIN).query(pinyin)
                    .boost((float) query.pinyinWeight())));
        }
        if (query.category() != null) {
            bool.filter(f -> f.term(t -> t.field("category").value(query.category())));
        }
        if (query.type() != null) {
            bool.filter(f -> f.term(t -> t.field("type").value(query.type().code())));
        }
        SearchResponse<Void> response = client.search(s -> shownFieldsOnly(s.index(alias))
                .query(Query.of(q -> q.bool(bool.build())))
                .size(query.limit())
                // nobody reads the total; counting it exactly keeps the node from skipping low-scoring blocks
                .trackTotalHits(t -> t.enabled(false))
                .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .fields("body", f -> f.fragmentSize(SNIPPET_LENGTH).numberOfFragments(1)
                                .noMatchSize(SNIPPET_LENGTH).boundaryScanner(BoundaryScanner.Sentence)
                                .boundaryScannerLocale("zh-CN"))), Void.class);
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<Void> hit : response.hits().hits()) {
            List<String> snippet = hit.highlight().get("body");
            hits.add(new SearchHit(shown(hit, "id"), DocumentType.ofCode(shown(hit, "type")),
                    shown(hit, IndexDefinition.SHOWN_TITLE), snippet == null || snippet.isEmpty() ? "" : snippet.get(0),
                    shown(hit, "category"), hit.score() == null ? 0 : hit.score()));
        }
        return hits;
    }

    List<Suggestion> suggest(String typed, int limit) throws IOException {
        SearchResponse<Void> response = client.search(s -> shownFieldsOnly(s.index(alias))
                .query(q -> q.bool(b -> b
                        .must(m -> m.match(mm -> mm.field("title.cjk").query(typed).minimumShouldMatch("75%")))
                        .filter(f -> f.term(t -> t.field("type").value(DocumentType.FAQ.code())))))
                .size(limit)
                .trackTotalHits(t -> t.enabled(false)), Void.class);
        return response.hits().hits().stream()
                .map(hit -> new Suggestion(shown(hit, "id"), shown(hit, IndexDefinition.SHOWN_TITLE),
                        shown(hit, "category")))
                .toList();
    }

    /** A search that reads what its hits show from doc values, and no {@code _source} or stored field. */
    private static SearchRequest.Builder shownFieldsOnly(SearchRequest.Builder search) {
        return search.source(src -> src.fetch(false)).storedFields(NO_STORED_FIELDS).docvalueFields(SHOWN_FIELDS);
    }

    /** The first value of a doc-values field of a hit; null when the document has none (no category). */
    private static String shown(Hit<Void> hit, String field) {
        JsonData values = hit.fields().get(field);
        if (values == null) {
            return null;
        }
        JsonArray array = values.toJson().asJsonArray();
        return array.isEmpty() ? null : array.getString(0);
    }
}
