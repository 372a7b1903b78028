package org.law12348.personaldata.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal numbers wherever they appear in a log line: the safety net under the code's own
 * masking, for messages of libraries (Asterisk-Java, the platform SDKs, JDBC drivers in exception
 * messages) that print raw values. Masked forms keep enough to tell two values apart. The same masking
 * applies to free text citizens typed (their question, a follow-up) wherever it is shown to someone
 * who sees contact numbers masked ({@code StaffMember.textOf}).
 */
public final class LogMasking {

    /**
     * A mainland mobile number, optionally with +86 / 0086, not part of a longer digit run; as people
     * type it too, in groups of 3-4-4 split by a space or hyphen.
     */
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![\\d])(?:(?:\\+?86|0086)[ -]?)?(1[3-9]\\d)[ -]?\\d{4}[ -]?(\\d{4})(?!\\d)");
    /** A fixed line with its area code (010-… to 09xx-…), as digits or split by a space or hyphen. */
    private static final Pattern FIXED_LINE = Pattern.compile("(?<![\\d])(0[1-9]\\d)\\d?[ -]?\\d{3,4}[ -]?(\\d{4})(?!\\d)");
    /** An 18-character resident identity number, also typed in groups of 6-8-4. */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![\\dA-Za-z])([1-9]\\d{2})\\d{3} ?\\d{8} ?(\\d{3}[\\dXx])(?![\\dA-Za-z])");
    /** An Alipay user id: 2088 and twelve digits. */
    private static final Pattern ALIPAY_USER_ID = Pattern.compile("(?<!\\d)(2088)\\d{8}(\\d{4})(?!\\d)");
    /** A WeChat openid / unionid: a token starting with o, 16-40 URL-safe characters, holding a digit. */
    private static final Pattern OPENID = Pattern.compile("(?<![\\w-])o[\\w-]{15,39}(?![\\w-])");

    // The row values a database puts into the message of a refused statement (a unique key another
    // request won, a constraint): encrypted or hashed personal data, or citizens' words. The statement
    // and the key's columns stay, the values go. H2: VALUES ( /* 62 */ 'a', 'b' )". PostgreSQL:
    // Key (col)=(value) already exists; a refused batch entry's insert/update/delete statement.
    private static final Pattern H2_ROW_VALUES = Pattern.compile("(?m)(VALUES \\( /\\*[^*]*\\*/ )(?!…).*?(\\s?\\)\"|$)");
    private static final Pattern POSTGRES_KEY_VALUES = Pattern.compile(
            "(?m)(Key \\([^)]*\\)=\\()(?!…\\)).*?(\\) (?:already exists|is not present|conflicts)|$)");
    private static final Pattern POSTGRES_BATCH_ENTRY = Pattern.compile(
            "(?m)(Batch entry \\d+ (?i:insert into|update|delete from) \\S++)(?! …).*?( was aborted|$)");

    private LogMasking() {
    }

    public static String mask(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        line = maskRowValues(line);
        if (!containsDigit(line)) {
            return line;
        }
        String out = ID_NUMBER.matcher(line).replaceAll("$1***********$2");
        out = ALIPAY_USER_ID.matcher(out).replaceAll("$1********$2");
        out = MOBILE.matcher(out).replaceAll("$1****$2");
        out = FIXED_LINE.matcher(out).replaceAll("$1****$2");
        Matcher openId = OPENID.matcher(out);
        return openId.replaceAll(m -> containsDigit(m.group())
                ? Matcher.quoteReplacement(m.group().substring(0, 4) + "****" + m.group().substring(m.group().length() - 4))
                : Matcher.quoteReplacement(m.group()));
    }

    private static String maskRowValues(String line) {
        if (!line.contains("VALUES ( /*") && !line.contains("Key (") && !line.contains("Batch entry ")) {
            return line;
        }
        String out = H2_ROW_VALUES.matcher(line).replaceAll("$1…$2");
        out = POSTGRES_KEY_VALUES.matcher(out).replaceAll("$1…$2");
        return POSTGRES_BATCH_ENTRY.matcher(out).replaceAll("$1 …$2");
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
