package org.law12348.knowledge;

/**
 * The one normalisation of text the knowledge base stores or searches: what an import brings, what an
 * editor saves and what a citizen types all pass through it, so a question stored with a line break
 * is found by a query typed without one, and a query pasted with a stray control character is
 * searched instead of refused.
 *
 * <ul>
 *   <li>line breaks ({@code \r\n}, {@code \r}, {@code \n}, U+0085, U+2028, U+2029), tabs and every other
 *       kind of space (the ideographic space U+3000, no-break spaces…) become one ASCII space; in
 *       {@link #multiLine} text line breaks stay, as {@code \n}, at most one empty line in a row;</li>
 *   <li>control and format characters (NUL, BEL, zero-width spaces, the byte-order mark…), unpaired
 *       surrogates, non-characters and the replacement character U+FFFD are dropped;</li>
 *   <li>full-width letters and digits (Ａ, ５) become ASCII; full-width punctuation (，？) stays, it is how
 *       Chinese is written;</li>
 *   <li>runs of spaces shrink to one and the ends are stripped.</li>
 * </ul>
 */
public final class KnowledgeText {

    private static final int FULL_WIDTH_OFFSET = 0xFEE0;

    private KnowledgeText() {
    }

    /** Text of one line (a question, a title, a query); null stays null. */
    public static String oneLine(String raw) {
        return normalize(raw, false);
    }

    /** Text of paragraphs (an answer, a statute): line breaks kept as {@code \n}; null stays null. */
    public static String multiLine(String raw) {
        return normalize(raw, true);
    }

    private static String normalize(String raw, boolean multiline) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int newlines = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == '\r' && next < raw.length() && raw.charAt(next) == '\n') {
                next++;
            }
            i = next;
            if (isLineBreak(cp)) {
                if (multiline) {
                    pendingSpace = false;
                    if (out.length() > 0 && newlines < 2) {
                        out.append('\n');
                        newlines++;
                    }
                } else {
                    pendingSpace = true;
                }
            } else if (isSpace(cp)) {
                pendingSpace = true;
            } else if (!isDropped(cp)) {
                if (pendingSpace && out.length() > 0 && newlines == 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                newlines = 0;
                out.appendCodePoint(foldWidth(cp));
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(0, end);
    }

    private static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isSpace(int cp) {
        return cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isDropped(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED && (cp & 0xFFFE) == 0xFFFE || cp == 0xFFFD
                || cp >= 0xFDD0 && cp <= 0xFDEF;
    }

    private static int foldWidth(int cp) {
        boolean fullWidthDigit = cp >= 0xFF10 && cp <= 0xFF19;
        boolean fullWidthLetter = cp >= 0xFF21 && cp <= 0xFF3A || cp >= 0xFF41 && cp <= 0xFF5A;
        return fullWidthDigit || fullWidthLetter ? cp - FULL_WIDTH_OFFSET : cp;
    }
}
