package org.law12348.ticketing;

import java.util.List;

/**
 * Input that breaks a rule of the domain. Each violation names the field (as the caller spelled it)
 * and says in Chinese what is wrong, so the web layer can answer a problem detail without guessing.
 */
public class InvalidInputException extends RuntimeException {

    /** One broken rule: the field, a stable English code and a Chinese message for people. */
    public record Violation(String field, String code, String message) {
    }

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String code, String message) {
        this(List.of(new Violation(field, code, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation v : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(v.field()).append(": ").append(v.message());
        }
        return text.toString();
    }
}
