package org.law12348.knowledge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citation of one statute article, e.g. 《民法典》第一千零七十九条. The law name is kept without the
 * 中华人民共和国 prefix, so 《中华人民共和国民法典》 and 《民法典》 cite the same article.
 */
public record StatuteRef(String law, String article) {

    private static final String PREFIX = "中华人民共和国";
    private static final Pattern CITATION = Pattern.compile(
            "^\\s*《?\\s*([\\p{IsHan}（）()A-Za-z0-9]{2,40}?)\\s*》?\\s*(第[零〇一二三四五六七八九十百千0-9]+条(?:之[一二三四五六七八九十]+)?)");

    public StatuteRef {
        if (law == null || law.isBlank() || article == null || !article.matches("第.+条(之.+)?")) {
            throw new IllegalArgumentException("Not a statute citation: " + law + " " + article);
        }
        law = shortName(law.strip());
        article = article.strip();
    }

    /** Reads a citation such as {@code 《民法典》第一千零六十三条：下列财产…}; the text after the article is ignored. */
    public static Optional<StatuteRef> parse(String citation) {
        if (citation == null) {
            return Optional.empty();
        }
        Matcher m = CITATION.matcher(citation);
        return m.find() ? Optional.of(new StatuteRef(m.group(1), m.group(2))) : Optional.empty();
    }

    /** Reads a stored key ({@link #key()}). */
    public static StatuteRef ofKey(String key) {
        int bar = key.indexOf('|');
        return new StatuteRef(key.substring(0, bar), key.substring(bar + 1));
    }

    /** The law name without the 中华人民共和国 prefix. */
    public static String shortName(String law) {
        String name = law.strip();
        return name.startsWith(PREFIX) && name.length() > PREFIX.length() ? name.substring(PREFIX.length()) : name;
    }

    /** The stable key this article is stored and linked under: {@code 民法典|第一千零七十九条}. */
    public String key() {
        return law + "|" + article;
    }

    /** How people write the citation: 《民法典》第一千零七十九条. */
    public String display() {
        return "《" + law + "》" + article;
    }
}
