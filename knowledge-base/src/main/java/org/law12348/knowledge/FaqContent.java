package org.law12348.knowledge;

import org.law12348.ticketing.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The editable content of an FAQ article, normalised ({@link KnowledgeText}) and validated on
 * construction: a question, an answer, a category and the statute articles the answer cites.
 */
public record FaqContent(String question, String answer, String category, List<StatuteRef> citations) {

    public static final int MAX_QUESTION = 500;
    public static final int MAX_ANSWER = 10_000;
    public static final int MAX_CATEGORY = 32;
    public static final int MAX_CITATIONS = 30;

    public FaqContent {
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        question = text("question", question, 4, MAX_QUESTION, false, violations, "问题");
        answer = text("answer", answer, 4, MAX_ANSWER, true, violations, "答案");
        category = text("category", category, 1, MAX_CATEGORY, false, violations, "分类");
        citations = citations == null ? List.of() : List.copyOf(new LinkedHashSet<>(citations));
        if (citations.size() > MAX_CITATIONS) {
            violations.add(new InvalidInputException.Violation("laws", "laws.tooMany",
                    "引用的法条不能超过" + MAX_CITATIONS + "条"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** Builds content from citation strings as people write them (《民法典》第一千零七十九条…). */
    public static FaqContent of(String question, String answer, String category, List<String> laws) {
        List<StatuteRef> refs = new ArrayList<>();
        if (laws != null) {
            for (int i = 0; i < laws.size(); i++) {
                String law = laws.get(i);
                int index = i;
                refs.add(StatuteRef.parse(law).orElseThrow(() -> new InvalidInputException("laws[" + index + "]",
                        "laws.unrecognised", "无法识别的法条引用，请写成《法律名称》第某条的形式")));
            }
        }
        return new FaqContent(question, answer, category, refs);
    }

    private static String text(String field, String value, int min, int max, boolean multiline,
                               List<InvalidInputException.Violation> violations, String name) {
        if (value == null || value.isBlank()) {
            violations.add(new InvalidInputException.Violation(field, field + ".required", name + "不能为空"));
            return value;
        }
        // imports, editors and queries share one normalisation: a question pasted with a line break is
        // stored as one line and found like any other (issue 17)
        String v = multiline ? KnowledgeText.multiLine(value) : KnowledgeText.oneLine(value);
        if (v.isEmpty()) {
            violations.add(new InvalidInputException.Violation(field, field + ".required", name + "不能为空"));
            return v;
        }
        int length = v.codePointCount(0, v.length());
        if (length < min || length > max) {
            violations.add(new InvalidInputException.Violation(field, field + ".length",
                    name + "长度应在" + min + "到" + max + "个字之间"));
        }
        return v;
    }
}
