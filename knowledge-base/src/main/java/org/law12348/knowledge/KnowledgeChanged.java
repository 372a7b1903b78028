package org.law12348.knowledge;

import java.util.Set;

/**
 * FAQ articles or statutes were written. Published after the writing transaction commits, the
 * search index catches up: published articles and statutes are (re)indexed, others removed.
 */
public record KnowledgeChanged(Set<String> faqIds, Set<String> statuteIds) {

    public KnowledgeChanged {
        faqIds = Set.copyOf(faqIds);
        statuteIds = Set.copyOf(statuteIds);
    }

    public static KnowledgeChanged faqs(java.util.Collection<String> ids) {
        return new KnowledgeChanged(Set.copyOf(ids), Set.of());
    }
}
