package org.law12348.ticketing;

/** The Chinese sentences the timeline shows for routing decisions. */
final class RouteTexts {

    private RouteTexts() {
    }

    static String describe(RouteDecision route, HandlingUnit unit) {
        return "分派至" + unit.name() + "（" + route.queue().chineseName() + "），办理时限" + route.deadlineHours()
                + "小时，规则 " + route.ruleId();
    }
}
