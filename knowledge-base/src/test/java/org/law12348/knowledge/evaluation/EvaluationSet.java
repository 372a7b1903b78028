package org.law12348.knowledge.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.law12348.knowledge.DocumentType;
import org.law12348.knowledge.KnowledgeBase;
import org.law12348.knowledge.SearchDocument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A search evaluation built from a Q&A corpus (the research-only {@code qa.jsonl}; read by the
 * benchmarks only, never shipped or read by unit tests): every pair becomes an FAQ document, the
 * statutes the product ships are indexed beside them as statute documents (as in production, where
 * they compete for the same top 5), and a sample of questions is rewritten the way citizens re-ask
 * (colloquial words, the core clauses only, a different question ending). A query is answered when
 * its source pair comes back.
 */
public record EvaluationSet(List<SearchDocument> documents, List<Query> queries) {

    /** The statute file the product loads as demo content, read from the classpath. */
    static final String SHIPPED_STATUTES = "/org/law12348/knowledge/demo/statutes.jsonl";

    /** A rewritten question and the id of the pair it came from. */
    public record Query(String text, String expectedId) {
    }

    private static final Pattern CLAUSE = Pattern.compile("[，。？！；,.?!;\\s]+");
    private static final Pattern NOISE = Pattern.compile("[xX×*0-9０-９]+");
    private static final String[] ENDINGS = {"怎么办", "该怎么处理", "有什么办法", "怎么解决", "合法吗"};
    /** Formal word → how a citizen says it (the reverse of the search synonym list, on purpose). */
    private static final List<String[]> COLLOQUIAL = List.of(
            new String[] {"丈夫", "老公"}, new String[] {"妻子", "老婆"}, new String[] {"工资", "薪水"},
            new String[] {"劳动报酬", "工钱"}, new String[] {"借款", "欠钱"}, new String[] {"交通事故", "撞车"},
            new String[] {"出租人", "房东"}, new String[] {"承租人", "租客"}, new String[] {"用人单位", "老板"},
            new String[] {"赔偿", "赔钱"}, new String[] {"子女", "孩子"}, new String[] {"离婚", "解除婚姻"},
            new String[] {"家庭暴力", "家暴"}, new String[] {"社会保险", "社保"}, new String[] {"诉讼", "打官司"},
            new String[] {"房屋", "房子"}, new String[] {"殴打", "打人"}, new String[] {"解除劳动合同", "辞退"});

    /**
     * Reads the corpus plus the shipped statutes and rewrites {@code sampleSize} questions, the same
     * ones for the same seed.
     */
    public static EvaluationSet load(Path qaJsonl, int sampleSize, long seed) throws IOException {
        List<SearchDocument> faqs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(qaJsonl)) {
            readLines(in, node -> faqs.add(new SearchDocument(node.get("id").asText(), DocumentType.FAQ,
                    node.get("question").asText(), node.get("answer").asText(), node.get("category").asText())));
        }
        List<SearchDocument> docs = new ArrayList<>(faqs);
        try (InputStream in = EvaluationSet.class.getResourceAsStream(SHIPPED_STATUTES)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SHIPPED_STATUTES + " on the classpath");
            }
            readLines(in, node -> docs.add(SearchDocument.statute(node.get("id").asText(),
                    node.get("law").asText().strip(), node.get("article").asText().strip(),
                    node.get("text").asText().strip())));
        }
        Random random = new Random(seed);
        List<Query> queries = new ArrayList<>();
        while (queries.size() < sampleSize) {
            SearchDocument doc = faqs.get(random.nextInt(faqs.size()));
            String rewritten = rewrite(doc.title(), random);
            if (rewritten.length() >= 6 && queries.stream().noneMatch(q -> q.expectedId().equals(doc.id()))) {
                queries.add(new Query(rewritten, doc.id()));
            }
        }
        return new EvaluationSet(docs, queries);
    }

    /** How many documents of a type the set indexes. */
    public long count(DocumentType type) {
        return documents.stream().filter(d -> d.type() == type).count();
    }

    private static void readLines(InputStream in, Consumer<JsonNode> each) throws IOException {
        ObjectMapper json = new ObjectMapper();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                each.accept(json.readTree(line));
            }
        }
    }

    static String rewrite(String question, Random random) {
        String text = NOISE.matcher(question).replaceAll("");
        for (String[] pair : COLLOQUIAL) {
            text = text.replace(pair[0], pair[1]);
        }
        List<String> clauses = new ArrayList<>(List.of(CLAUSE.split(text)));
        clauses.removeIf(String::isBlank);
        List<String> kept = clauses;
        if (clauses.size() > 2) {
            // citizens type the core of the question: keep the two longest clauses, in order
            List<String> byLength = new ArrayList<>(clauses);
            byLength.sort((a, b) -> b.length() - a.length());
            List<String> longest = byLength.subList(0, 2);
            kept = clauses.stream().filter(longest::contains).limit(2).toList();
        }
        String core = String.join("，", kept).replaceAll("(怎么办|怎么处理|如何处理|吗|呢)$", "");
        String query = core + "，" + ENDINGS[random.nextInt(ENDINGS.length)];
        return query.length() > KnowledgeBase.MAX_QUERY_LENGTH ? query.substring(0, KnowledgeBase.MAX_QUERY_LENGTH) : query;
    }
}
