package org.law12348.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal numbers left unmasked in log lines: mainland mobile numbers, resident identity
 * numbers with a valid check character, Alipay user ids, and the WeChat openids the test fixtures
 * use ({@code o6_…}); and the row values a database puts into the message of a refused statement
 * (H2's {@code VALUES ( /* key:1 …}, PostgreSQL's {@code Detail: Key (…)=(…)} and
 * {@code Batch entry N insert …}), which carry names, texts and idempotency keys no pattern can tell
 * (issue 17, item 7: an expected duplicate logged the whole row). A finding names the file, the line
 * and the kind, never the value itself.
 */
final class TestLogScanner {

    /** One unmasked value: where it is and what it looks like. */
    record Finding(String file, int line, String kind) {
        @Override
        public String toString() {
            return file + ":" + line + " holds an unmasked " + kind;
        }
    }

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[\\dX](?![0-9A-Za-z])");
    private static final Pattern ALIPAY_USER_ID = Pattern.compile("(?<!\\d)2088\\d{12}(?!\\d)");
    private static final Pattern FIXTURE_OPENID = Pattern.compile("(?<![\\w-])o6_[\\w-]{6,}");
    private static final Pattern SQL_ROW_VALUES = Pattern.compile(
            // the masked forms (LogMasking: values replaced by …) are not findings
            "VALUES \\( /\\*[^*]*\\*/ (?!…)|Key \\([^)]*\\)=\\((?!…\\))"
                    + "|Batch entry \\d+ (?i:insert into|update|delete from) \\S++(?! …)");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private TestLogScanner() {
    }

    static List<Finding> scan(String file, int lineNumber, String line) {
        List<Finding> found = new ArrayList<>();
        if (MOBILE.matcher(line).find()) {
            found.add(new Finding(file, lineNumber, "mobile number"));
        }
        Matcher id = ID_NUMBER.matcher(line);
        while (id.find()) {
            if (hasValidCheckCharacter(id.group())) {
                found.add(new Finding(file, lineNumber, "identity number"));
                break;
            }
        }
        if (ALIPAY_USER_ID.matcher(line).find()) {
            found.add(new Finding(file, lineNumber, "Alipay user id"));
        }
        if (FIXTURE_OPENID.matcher(line).find()) {
            found.add(new Finding(file, lineNumber, "WeChat openid"));
        }
        if (SQL_ROW_VALUES.matcher(line).find()) {
            found.add(new Finding(file, lineNumber, "row values of a refused SQL statement"));
        }
        return found;
    }

    static List<Finding> scan(Path file) throws IOException {
        List<Finding> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            found.addAll(scan(file.toString(), i + 1, lines.get(i)));
        }
        return found;
    }

    static boolean hasValidCheckCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11) == id.charAt(17);
    }
}
