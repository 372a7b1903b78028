package org.law12348.knowledge.internal.lucene;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A unified highlighter over bodies the search has already read from the stored fields with the rest
 * of each hit: reading them a second time would decompress the same stored-field blocks again, which
 * cost about a sixth of a search.
 */
final class LoadedBodyHighlighter extends UnifiedHighlighter {

    private final Map<Integer, String> bodiesByDoc;

    LoadedBodyHighlighter(Builder builder, Map<Integer, String> bodiesByDoc) {
        super(builder);
        this.bodiesByDoc = bodiesByDoc;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
            throws IOException {
        if (fields.length != 1 || !LuceneFields.BODY.equals(fields[0])) {
            return super.loadFieldValues(fields, docs, cacheCharsThreshold);
        }
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            String body = bodiesByDoc.get(doc);
            values.add(new CharSequence[] {body == null ? "" : body});
        }
        return values;
    }
}
