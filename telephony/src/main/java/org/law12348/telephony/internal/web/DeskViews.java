package org.law12348.telephony.internal.web;

import org.law12348.telephony.internal.desk.AgentDesk;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** The JSON shape of a desk, with Chinese names beside the codes. */
@Component
class DeskViews {

    static final String PBX_DOWN = "呼叫中心交换机未连接：状态已保存，连接恢复后自动生效";

    record QueueLabel(String queue, String name) {
    }

    record DeskView(String username, String memberInterface, List<QueueLabel> queues, String state,
                    String stateName, String pauseReason, String pauseReasonName, Instant since,
                    Instant wrapUpUntil, String currentCallId, boolean pbxConnected, String message) {
    }

    private final CallerCards cards;

    DeskViews(CallerCards cards) {
        this.cards = cards;
    }

    DeskView of(AgentDesk desk, boolean pbxConnected) {
        return new DeskView(desk.username(), desk.memberInterface(),
                desk.queues().stream().map(q -> new QueueLabel(q, cards.queueName(q))).toList(),
                desk.state().name(), desk.state().chineseName(),
                desk.pauseReason() == null ? null : desk.pauseReason().name(),
                desk.pauseReason() == null ? null : desk.pauseReason().chineseName(), desk.since(),
                desk.wrapUpUntil(), desk.currentCallId(), pbxConnected, pbxConnected ? null : PBX_DOWN);
    }
}
