package org.law12348.knowledge.internal.semantic;

import org.law12348.knowledge.internal.lucene.LuceneVectorIndex;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The vectors stored with the FAQ articles (an entry's {@code vector} is null until it is computed) ({@code kb_faq_article.embedding}). A vector is valid for
 * the question it was computed from ({@code embedded_question}) and the model that computed it; an
 * edited question or another model makes it stale, whichever path changed the row.
 */
@Component
class StoredVectors {


    private static final String PUBLISHED = "select id, question, category, answer, "
            + "case when embedding_model = :model and embedded_question = question then embedding end as embedding "
            + "from kb_faq_article where status = 'PUBLISHED'";

    private final NamedParameterJdbcTemplate jdbc;

    StoredVectors(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every published FAQ, with its vector when a valid one is stored. */
    void eachPublished(Consumer<LuceneVectorIndex.Entry> each) {
        jdbc.query(PUBLISHED, Map.of("model", SentenceEmbedder.MODEL), rs -> {
            each.accept(new LuceneVectorIndex.Entry(rs.getString("id"), rs.getString("question"), rs.getString("category"),
                    rs.getString("answer"), decode(rs.getBytes("embedding"))));
        });
    }

    /** The published ones among these ids, with their valid vectors (or null). */
    List<LuceneVectorIndex.Entry> published(List<String> ids) {
        return jdbc.query(PUBLISHED + " and id in (:ids)", Map.of("model", SentenceEmbedder.MODEL, "ids", ids),
                (rs, n) -> new LuceneVectorIndex.Entry(rs.getString("id"), rs.getString("question"), rs.getString("category"),
                        rs.getString("answer"), decode(rs.getBytes("embedding"))));
    }

    /** The FAQs written after {@code since} (any status: an archived one leaves the index). */
    List<String> changedSince(Timestamp since) {
        return jdbc.queryForList("select id from kb_faq_article where updated_at >= :since",
                Map.of("since", since), String.class);
    }

    /** When the newest FAQ change happened, or null when there is none. */
    Timestamp lastChange() {
        return jdbc.getJdbcTemplate().queryForObject("select max(updated_at) from kb_faq_article", Timestamp.class);
    }

    long countPublished() {
        Long n = jdbc.getJdbcTemplate().queryForObject(
                "select count(*) from kb_faq_article where status = 'PUBLISHED'", Long.class);
        return n == null ? 0 : n;
    }

    /** Stores the vectors of these FAQs, each for the question it was computed from. */
    void save(List<LuceneVectorIndex.Entry> faqs) {
        jdbc.batchUpdate("update kb_faq_article set embedding = :embedding, embedding_model = :model, "
                        + "embedded_question = :question where id = :id",
                faqs.stream().map(f -> Map.of("embedding", encode(f.vector()), "model", SentenceEmbedder.MODEL,
                        "question", f.question(), "id", f.id())).toArray(Map[]::new));
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        if (bytes == null || bytes.length != SentenceEmbedder.DIMENSIONS * Float.BYTES) {
            return null;
        }
        float[] vector = new float[SentenceEmbedder.DIMENSIONS];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
