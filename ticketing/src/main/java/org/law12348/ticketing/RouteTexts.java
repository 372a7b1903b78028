package org.law12348.ticketing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese sentences the timeline shows for routing decisions. They end in the rule's id, which
 * only administrators need: {@link #split} parses it back off, so staff read unit and deadline only.
 */
public final class RouteTexts {

    private static final String RULE = "，规则 ";
    private static final Pattern RULE_AT_END = Pattern.compile("^(.*)" + RULE + "([A-Za-z0-9_.:-]{1,64})$",
            Pattern.DOTALL);

    /** A timeline text without its rule id, and the id (null when the text names none). */
    public record Split(String text, String ruleId) {
    }

    private RouteTexts() {
    }

    static String describe(RouteDecision route, HandlingUnit unit) {
        return "分派至" + unit.name() + "（" + route.queue().chineseName() + "），办理时限" + route.deadlineHours()
                + "小时" + RULE + route.ruleId();
    }

    /** A correction of region or business type, in names (staff never read codes), then the new route. */
    static String rerouted(String before, String after, String reason, RouteDecision route, HandlingUnit unit) {
        return "由" + before + "更正为" + after + "（" + reason + "），重新" + describe(route, unit);
    }

    public static Split split(String text) {
        if (text == null) {
            return new Split(null, null);
        }
        Matcher m = RULE_AT_END.matcher(text);
        return m.matches() ? new Split(m.group(1), m.group(2)) : new Split(text, null);
    }
}
