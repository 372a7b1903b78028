package org.law12348.knowledge.internal;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What a text sounds like, for matching homophone typos (离昏 for 离婚, 扶样 for 抚养): every pair of
 * neighbouring Chinese characters becomes one token of their toneless pinyin syllables joined by
 * {@code _} ({@code 抚养费} → {@code fu_yang yang_fei}). A speech IME or a hurried typist picks a
 * character that sounds the same, and both spellings give the same token; single syllables would match
 * nearly everything, pairs of them are about as selective as the character bigrams.
 *
 * <p>Computed in Java for both backends (Elasticsearch needs no pinyin plugin: the field holds these
 * tokens and is split on spaces). Polyphones (还 hai/huan, 长 zhang/chang, 了 le/liao) give their first
 * two distinct readings in pinyin4j's order, and a pair gives every combination of them, so the
 * reading the writer meant is among them whichever it was. A lone Chinese character between
 * non-Chinese ones gives its syllables alone. Anything that is not a Chinese character — Latin
 * letters, digits, punctuation, full-width or not — separates runs and gives no token: those are
 * matched by the word fields already.
 */
public final class KnowledgePinyin {

    /** At most this many readings per character: more would multiply the tokens of a pair. */
    private static final int MAX_READINGS = 2;
    private static final int FIRST = 0x3400;
    private static final int LAST = 0x9FFF;
    private static final String[] NONE = new String[0];
    private static final AtomicReferenceArray<String[]> CACHE = new AtomicReferenceArray<>(LAST - FIRST + 1);
    private static final HanyuPinyinOutputFormat FORMAT = format();

    private KnowledgePinyin() {
    }

    /** The pinyin tokens of a text, in order, repeats kept (term frequencies count them); empty for none. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] previous = null;
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String[] readings = readings(cp);
            if (readings.length == 0) {
                if (run == 1) {
                    addAll(out, previous);
                }
                previous = null;
                run = 0;
                continue;
            }
            if (previous != null) {
                Set<String> pairs = new LinkedHashSet<>();
                for (String a : previous) {
                    for (String b : readings) {
                        pairs.add(a + "_" + b);
                    }
                }
                out.addAll(pairs);
            }
            previous = readings;
            run++;
        }
        if (run == 1) {
            addAll(out, previous);
        }
        return out;
    }

    /** The tokens as one space-separated string, as the pinyin fields store them. */
    public static String text(String text) {
        return String.join(" ", tokens(text));
    }

    /** The distinct toneless readings of one code point (at most two); none for what is not Chinese. */
    static String[] readings(int cp) {
        if (cp < FIRST || cp > LAST || Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
            return NONE;
        }
        String[] cached = CACHE.get(cp - FIRST);
        if (cached == null) {
            cached = compute((char) cp);
            CACHE.set(cp - FIRST, cached);
        }
        return cached;
    }

    private static String[] compute(char c) {
        String[] all;
        try {
            all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        if (all == null) {
            return NONE;
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String reading : all) {
            if (reading != null && !reading.isEmpty() && reading.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                distinct.add(reading);
            }
            if (distinct.size() == MAX_READINGS) {
                break;
            }
        }
        return distinct.toArray(NONE);
    }

    private static void addAll(List<String> out, String[] readings) {
        for (String r : readings) {
            out.add(r);
        }
    }

    private static HanyuPinyinOutputFormat format() {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        return format;
    }
}
