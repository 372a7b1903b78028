package org.law12348.telephony.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dynamic queue members of the peer's PBX, changed by QueueAdd, QueuePause and QueueRemove as
 * app_queue does, with its answers (Asterisk 22 manager_add_queue_member & co.) and the events it
 * sends: QueueMemberAdded, QueueMemberPause, QueueMemberRemoved. The events carry the member block
 * in the field order of the QueueMemberStatus events of the captures (ami-06), which is the order the
 * Asterisk 22 documentation gives for every QueueMember* event.
 */
public final class PeerQueues {

    /** One member as app_queue keeps it. */
    public record Member(String queue, String iface, String memberName, boolean paused, String reason) {
    }

    /** What an action answers: the response text and the events that follow it. */
    record Answer(String response, List<String> events) {
    }

    private static final long LOGIN_TIME = 1795876349L;

    /** queue → interface → member. */
    private final Map<String, Map<String, Member>> queues = new ConcurrentHashMap<>();

    Optional<Member> member(String queue, String iface) {
        return Optional.ofNullable(queues.getOrDefault(queue, Map.of()).get(iface));
    }

    void clear() {
        queues.clear();
    }

    synchronized Answer add(Map<String, String> a, String id) {
        String queue = a.get("Queue");
        String iface = a.get("Interface");
        if (queue == null || iface == null) {
            return error(id, "'Queue' and 'Interface' not set.");
        }
        Map<String, Member> members = queues.computeIfAbsent(queue, q -> new LinkedHashMap<>());
        if (members.containsKey(iface)) {
            return error(id, "Unable to add interface: Already there");
        }
        Member m = new Member(queue, iface, a.getOrDefault("MemberName", iface), isTrue(a.get("Paused")),
                a.getOrDefault("Reason", ""));
        members.put(iface, m);
        return new Answer(success(id, "Added interface to queue"), List.of(event("QueueMemberAdded", m, "dynamic")));
    }

    synchronized Answer remove(Map<String, String> a, String id) {
        String queue = a.get("Queue");
        String iface = a.get("Interface");
        Member m = queues.getOrDefault(queue, Map.of()).get(iface);
        if (m == null) {
            return error(id, "Unable to remove interface: Not there");
        }
        queues.get(queue).remove(iface);
        return new Answer(success(id, "Removed interface from queue"), List.of(event("QueueMemberRemoved", m, "dynamic")));
    }

    /** QueuePause without Queue pauses the interface in every queue it is a member of. */
    synchronized Answer pause(Map<String, String> a, String id) {
        String iface = a.get("Interface");
        boolean paused = isTrue(a.get("Paused"));
        String reason = a.getOrDefault("Reason", "");
        List<String> events = new ArrayList<>();
        for (Map<String, Member> members : queues.values()) {
            Member m = members.get(iface);
            if (m != null && (a.get("Queue") == null || a.get("Queue").equals(m.queue()))) {
                Member changed = new Member(m.queue(), iface, m.memberName(), paused, paused ? reason : "");
                members.put(iface, changed);
                events.add(event("QueueMemberPause", changed, "dynamic"));
            }
        }
        if (events.isEmpty()) {
            return error(id, "Interface not found");
        }
        return new Answer(success(id, paused ? "Interface paused successfully" : "Interface unpaused successfully"),
                events);
    }

    private static String event(String name, Member m, String membership) {
        return "Event: " + name + "\r\nPrivilege: agent,all\r\nQueue: " + m.queue() + "\r\nMemberName: "
                + m.memberName() + "\r\nInterface: " + m.iface() + "\r\nStateInterface: " + m.iface()
                + "\r\nMembership: " + membership + "\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\n"
                + "LastPause: 0\r\nLoginTime: " + LOGIN_TIME + "\r\nInCall: 0\r\nStatus: 1\r\nPaused: "
                + (m.paused() ? "1" : "0") + "\r\nPausedReason: " + m.reason() + "\r\nRinginuse: 0\r\n"
                + "Wrapuptime: 0\r\n\r\n";
    }

    private static Answer error(String id, String message) {
        return new Answer("Response: Error\r\n" + id + "Message: " + message + "\r\n\r\n", List.of());
    }

    private static String success(String id, String message) {
        return "Response: Success\r\n" + id + "Message: " + message + "\r\n\r\n";
    }

    /** Asterisk's ast_true: yes, true, y, t, 1, on. */
    private static boolean isTrue(String value) {
        return value != null && List.of("yes", "true", "y", "t", "1", "on").contains(value.strip().toLowerCase());
    }
}
