package org.law12348.telephony.peer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The queues of the {@link AsteriskAmiPeer}: their members and the callers waiting in them, answered
 * as Asterisk 22 answers {@code QueueSummary} and {@code QueueStatus}, and moved by scripted queue
 * events. Events that the captures contain (QueueCallerJoin/Leave and AgentConnect/Complete and
 * QueueMemberStatus in ami-06, QueueCallerAbandon in ami-07) are those captured events with the
 * fields of the scripted call put in; the QueueStatus list items are ami-01's QueueParams and
 * QueueMember. No capture has QueueSummary, QueueEntry or QueueMemberPause: they are written with
 * the fields, in the order, of the Asterisk 22 documentation of those events (Manager events
 * QueueSummary, QueueEntry, QueueMemberPause; list framing as ami-01's QueueStatus).
 */
public final class PbxQueues {

    /** A queue member as Asterisk tracks it; {@code status} is the AST_DEVICE_* number (1 free, 2 in use). */
    public record Member(String queue, String name, String iface, int status, boolean paused, boolean inCall) {
    }

    /** A caller waiting in a queue, {@code waitSeconds} so far. */
    public record Caller(String queue, String uniqueId, String number, int waitSeconds) {
    }

    private final List<String> queues = new CopyOnWriteArrayList<>();
    private final List<Member> members = new CopyOnWriteArrayList<>();
    private final List<Caller> callers = new CopyOnWriteArrayList<>();

    public PbxQueues queue(String name) {
        if (!queues.contains(name)) {
            queues.add(name);
        }
        return this;
    }

    public PbxQueues member(String queue, String name, String iface, int status, boolean paused) {
        queue(queue);
        members.removeIf(m -> m.queue().equals(queue) && m.iface().equals(iface));
        members.add(new Member(queue, name, iface, status, paused, false));
        return this;
    }

    public PbxQueues waiting(String queue, String uniqueId, String number, int waitSeconds) {
        queue(queue);
        callers.add(new Caller(queue, uniqueId, number, waitSeconds));
        return this;
    }

    /** Forgets every queue, member and caller (between tests). */
    public void clear() {
        queues.clear();
        members.clear();
        callers.clear();
    }

    // --- the list answers -------------------------------------------------------------------------

    String summary(String id) {
        StringBuilder text = new StringBuilder("Response: Success\r\n" + id + "EventList: start\r\n"
                + "Message: Queue summary will follow\r\n\r\n");
        for (String q : queues) {
            List<Member> in = of(q);
            long loggedIn = in.stream().filter(m -> m.status() != 5 && m.status() != 4).count();
            long available = in.stream().filter(m -> m.status() == 1 && !m.paused()).count();
            List<Caller> waiting = callers.stream().filter(c -> c.queue().equals(q)).toList();
            int longest = waiting.stream().mapToInt(Caller::waitSeconds).max().orElse(0);
            text.append("Event: QueueSummary\r\n").append(id).append("Queue: ").append(q).append("\r\n")
                    .append("LoggedIn: ").append(loggedIn).append("\r\nAvailable: ").append(available)
                    .append("\r\nCallers: ").append(waiting.size()).append("\r\nHoldTime: 0\r\nTalkTime: 0\r\n")
                    .append("LongestHoldTime: ").append(longest).append("\r\n\r\n");
        }
        return text.append("Event: QueueSummaryComplete\r\n").append(id).append("EventList: Complete\r\n")
                .append("ListItems: ").append(queues.size()).append("\r\n\r\n").toString();
    }

    String status(String id) throws IOException {
        List<String> captured = AsteriskAmiPeer.events("ami-01-login-core-logoff.txt");
        String params = first(captured, "QueueParams");
        String member = first(captured, "QueueMember");
        String actionId = id.isEmpty() ? "" : id.substring("ActionID: ".length(), id.length() - 2);
        StringBuilder text = new StringBuilder("Response: Success\r\n" + id + "EventList: start\r\n"
                + "Message: Queue status will follow\r\n\r\n");
        int items = 0;
        for (String q : queues) {
            List<Caller> waiting = callers.stream().filter(c -> c.queue().equals(q)).toList();
            text.append(with(params, Map.of("Queue", q, "Calls", String.valueOf(waiting.size()), "ActionID", actionId)));
            items++;
            for (Member m : of(q)) {
                text.append(with(member, Map.of("Queue", q, "Name", m.name(), "Location", m.iface(),
                        "StateInterface", m.iface(), "InCall", m.inCall() ? "1" : "0",
                        "Status", String.valueOf(m.status()), "Paused", m.paused() ? "1" : "0", "ActionID", actionId)));
                items++;
            }
            int position = 0;
            for (Caller c : waiting) {
                text.append("Event: QueueEntry\r\n").append("Queue: ").append(q).append("\r\n")
                        .append("Position: ").append(++position).append("\r\n")
                        .append("Channel: Local/12348@inbound-0000").append(c.uniqueId().hashCode() & 0xff).append(";2\r\n")
                        .append("Uniqueid: ").append(c.uniqueId()).append("\r\n")
                        .append("CallerIDNum: ").append(c.number()).append("\r\nCallerIDName: <unknown>\r\n")
                        .append("ConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\n")
                        .append("Wait: ").append(c.waitSeconds()).append("\r\nPriority: 0\r\n")
                        .append(id).append("\r\n");
                items++;
            }
        }
        return text.append("Event: QueueStatusComplete\r\n").append(id).append("EventList: Complete\r\n")
                .append("ListItems: ").append(items).append("\r\n\r\n").toString();
    }

    // --- scripted events --------------------------------------------------------------------------

    /** A caller joins a queue: ami-06's QueueCallerJoin for this call. */
    public List<String> callerJoins(String queue, String uniqueId, String number) throws IOException {
        queue(queue);
        callers.add(new Caller(queue, uniqueId, number, 0));
        long count = callers.stream().filter(c -> c.queue().equals(queue)).count();
        return List.of(with(first(AsteriskAmiPeer.events("ami-06-queue-answered.txt"), "QueueCallerJoin"),
                Map.of("Queue", queue, "Uniqueid", uniqueId, "CallerIDNum", number, "ConnectedLineNum", number,
                        "Position", String.valueOf(count), "Count", String.valueOf(count))));
    }

    /**
     * An agent answers a waiting caller: ami-06's QueueCallerLeave, AgentConnect and the member's
     * QueueMemberStatus (in use, on a queue call), in the order Asterisk sent them.
     */
    public List<String> agentAnswers(String queue, String uniqueId, String iface, int holdSeconds) throws IOException {
        List<String> captured = AsteriskAmiPeer.events("ami-06-queue-answered.txt");
        Caller caller = leave(queue, uniqueId);
        Member member = setMember(queue, iface, 2, null, true);
        return List.of(
                with(first(captured, "QueueCallerLeave"), Map.of("Queue", queue, "Uniqueid", uniqueId,
                        "CallerIDNum", caller.number(), "Count", String.valueOf(waitingIn(queue)))),
                with(first(captured, "AgentConnect"), Map.of("Queue", queue, "Uniqueid", uniqueId,
                        "CallerIDNum", caller.number(), "Interface", iface, "MemberName", member.name(),
                        "HoldTime", String.valueOf(holdSeconds))),
                memberStatus(captured, member));
    }

    /** The agent hangs up: ami-06's AgentComplete and QueueMemberStatus (free again). */
    public List<String> agentCompletes(String queue, String uniqueId, String iface, int holdSeconds, int talkSeconds)
            throws IOException {
        List<String> captured = AsteriskAmiPeer.events("ami-06-queue-answered.txt");
        Member member = setMember(queue, iface, 1, null, false);
        return List.of(
                with(first(captured, "AgentComplete"), Map.of("Queue", queue, "Uniqueid", uniqueId,
                        "Interface", iface, "MemberName", member.name(), "HoldTime", String.valueOf(holdSeconds),
                        "TalkTime", String.valueOf(talkSeconds))),
                memberStatus(captured, member));
    }

    /** The caller hangs up while waiting: ami-07's QueueCallerAbandon and QueueCallerLeave. */
    public List<String> callerAbandons(String queue, String uniqueId, int holdSeconds) throws IOException {
        List<String> captured = AsteriskAmiPeer.events("ami-07-queue-abandon.txt");
        Caller caller = leave(queue, uniqueId);
        return List.of(
                with(first(captured, "QueueCallerAbandon"), Map.of("Queue", queue, "Uniqueid", uniqueId,
                        "CallerIDNum", caller.number(), "HoldTime", String.valueOf(holdSeconds))),
                with(first(captured, "QueueCallerLeave"), Map.of("Queue", queue, "Uniqueid", uniqueId,
                        "CallerIDNum", caller.number(), "Count", String.valueOf(waitingIn(queue)))));
    }

    /** A member pauses or resumes (QueuePause): QueueMemberPause as Asterisk 22 documents it. */
    public List<String> memberPauses(String queue, String iface, boolean paused, String reason) {
        Member m = setMember(queue, iface, null, paused, null);
        return List.of("Event: QueueMemberPause\r\nPrivilege: agent,all\r\nQueue: " + queue + "\r\n"
                + "MemberName: " + m.name() + "\r\nInterface: " + iface + "\r\nStateInterface: " + iface + "\r\n"
                + "Membership: static\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 0\r\n"
                + "LoginTime: 1795876349\r\nInCall: " + (m.inCall() ? 1 : 0) + "\r\nStatus: " + m.status() + "\r\n"
                + "Paused: " + (paused ? 1 : 0) + "\r\nPausedReason: " + (reason == null ? "" : reason) + "\r\n"
                + "Ringinuse: 1\r\nWrapuptime: 0\r\n\r\n");
    }

    private String memberStatus(List<String> captured, Member m) {
        return with(first(captured, "QueueMemberStatus"), Map.of("Queue", m.queue(), "MemberName", m.name(),
                "Interface", m.iface(), "StateInterface", m.iface(), "InCall", m.inCall() ? "1" : "0",
                "Status", String.valueOf(m.status()), "Paused", m.paused() ? "1" : "0"));
    }

    private Caller leave(String queue, String uniqueId) {
        Caller caller = callers.stream().filter(c -> c.queue().equals(queue) && c.uniqueId().equals(uniqueId))
                .findFirst().orElseThrow(() -> new IllegalStateException("no caller " + uniqueId + " in " + queue));
        callers.remove(caller);
        return caller;
    }

    private Member setMember(String queue, String iface, Integer status, Boolean paused, Boolean inCall) {
        Member old = members.stream().filter(m -> m.queue().equals(queue) && m.iface().equals(iface)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no member " + iface + " in " + queue));
        Member now = new Member(queue, old.name(), iface, status == null ? old.status() : status,
                paused == null ? old.paused() : paused, inCall == null ? old.inCall() : inCall);
        members.set(members.indexOf(old), now);
        return now;
    }

    private long waitingIn(String queue) {
        return callers.stream().filter(c -> c.queue().equals(queue)).count();
    }

    private List<Member> of(String queue) {
        return members.stream().filter(m -> m.queue().equals(queue)).toList();
    }

    private static String first(List<String> events, String name) {
        return events.stream().filter(e -> e.startsWith("Event: " + name + "\r\n")).findFirst()
                .orElseThrow(() -> new IllegalStateException("capture has no " + name));
    }

    /** The event with the given fields' values replaced (fields it lacks are left out, as Asterisk would). */
    static String with(String event, Map<String, String> fields) {
        List<String> lines = new ArrayList<>(List.of(event.split("\r\n")));
        for (int i = 0; i < lines.size(); i++) {
            int colon = lines.get(i).indexOf(": ");
            String key = colon < 0 ? lines.get(i).replace(":", "") : lines.get(i).substring(0, colon);
            if (fields.containsKey(key)) {
                lines.set(i, key + ": " + fields.get(key));
            }
        }
        return String.join("\r\n", lines) + "\r\n\r\n";
    }
}
