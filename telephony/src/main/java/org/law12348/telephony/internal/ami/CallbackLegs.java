package org.law12348.telephony.internal.ami;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.law12348.telephony.internal.calls.CallbackAttempts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follows both legs of a callback on AMI (ami-08, ami-09). OriginateResponse (matched by ActionID)
 * says whether the agent answered and names the agent's leg (Uniqueid); the dialplan then dials the
 * citizen from that leg, and the DialEnd whose Uniqueid is that leg says whether the citizen answered
 * (DialStatus ANSWER) or not (BUSY, NOANSWER …). The agent's Hangup before any such DialEnd ends the
 * attempt too. Only ANSWER makes the callback done.
 */
public final class CallbackLegs implements ManagerEventListener {

    private static final int REMEMBERED = 1000;

    private final CallbackAttempts attempts;
    /** Agent legs of attempts in progress → the attempt's ActionID. */
    private final Map<String, String> legs = bounded();
    /**
     * DialEnds nobody was waiting for yet, by the dialling leg: Asterisk may report the answer of an
     * originated channel after events of that channel, so a citizen's DialEnd could come first.
     */
    private final Map<String, String> earlyDialEnds = bounded();

    public CallbackLegs(CallbackAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof OriginateResponseEvent e && e.getActionId() != null && e.getActionId().startsWith("cb-")) {
            originated(e);
        } else if (event instanceof DialEndEvent e && e.getUniqueId() != null) {
            // an originate's own DialEnd has no caller block (no Uniqueid); the citizen's names the agent leg
            String actionId = legs.remove(e.getUniqueId());
            if (actionId == null) {
                earlyDialEnds.put(e.getUniqueId(), String.valueOf(e.getDialStatus()));
            } else {
                citizenDialEnded(actionId, String.valueOf(e.getDialStatus()));
            }
        } else if (event instanceof HangupEvent e && e.getUniqueId() != null) {
            String actionId = legs.remove(e.getUniqueId());
            if (actionId != null) {
                attempts.settle(actionId, false, "坐席已挂断，未接通来电人");
            }
        }
    }

    private void originated(OriginateResponseEvent e) {
        if (!"Success".equalsIgnoreCase(e.getResponse())) {
            attempts.settle(e.getActionId(), false, "坐席未接听或呼叫失败（原因码 " + e.getReason() + "）");
            return;
        }
        String leg = e.getUniqueId();
        if (!attempts.agentAnswered(e.getActionId(), leg)) {
            return;
        }
        String early = earlyDialEnds.remove(leg);
        if (early != null) {
            citizenDialEnded(e.getActionId(), early);
        } else {
            legs.put(leg, e.getActionId());
        }
    }

    private void citizenDialEnded(String actionId, String dialStatus) {
        if ("ANSWER".equals(dialStatus)) {
            attempts.settle(actionId, true, "坐席与来电人已接通");
        } else {
            attempts.settle(actionId, false, "坐席已接听，来电人" + describe(dialStatus));
        }
    }

    private static String describe(String dialStatus) {
        return switch (dialStatus) {
            case "BUSY" -> "忙线（BUSY）";
            case "NOANSWER" -> "无人接听（NOANSWER）";
            case "CONGESTION" -> "线路拥塞（CONGESTION）";
            case "CHANUNAVAIL" -> "无法接通（CHANUNAVAIL）";
            case "CANCEL" -> "呼叫被取消（CANCEL）";
            default -> "未接通（" + dialStatus + "）";
        };
    }

    private static Map<String, String> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > REMEMBERED;
            }
        });
    }
}
