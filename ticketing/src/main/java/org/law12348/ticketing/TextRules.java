package org.law12348.ticketing;

/**
 * Rules for free text people type: what characters are allowed, how a subject is derived. Public so
 * every module that accepts or shortens typed text (the knowledge base too) applies the same rules.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * True when the text holds a control character; line breaks and tabs are allowed only in
     * multi-line fields. Unpaired surrogates (broken UTF-16) count as control characters too.
     */
    public static boolean hasControlCharacters(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFD') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the text, cut to {@code max} characters, for a ticket without a subject. */
    public static String subjectFrom(String text, int max) {
        String firstLine = text.strip().lines().findFirst().orElse("").strip();
        if (firstLine.codePointCount(0, firstLine.length()) <= max) {
            return firstLine;
        }
        return firstLine.substring(0, firstLine.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** At most the first {@code max} characters (code points, so no surrogate pair is cut); null stays null. */
    public static String firstCharacters(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }

    /** Keeps echoed user input short in error messages. */
    public static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
