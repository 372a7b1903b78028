package org.law12348.telephony.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays Asterisk 22's Manager interface over TCP as the captures show: the bare banner, "\r\n" lines,
 * ActionID echoed right after Response, Challenge/MD5 Login followed by FullyBooted and SuccessfulAuth,
 * CoreSettings with AsteriskVersion, Ping, QueueAdd / QueuePause / QueueRemove (see {@link PeerQueues}), Originate ("successfully queued", then the events of ami-08
 * or, for a channel that does not exist, ami-09; see {@link #originated}), CoreShowChannels (see
 * {@link #coreShowChannels}), Logoff. Events are replayed
 * from capture files byte for byte, in their recorded order.
 */
public final class AsteriskAmiPeer implements AutoCloseable {

    private static final String CHALLENGE = "119820561";
    /** An agent extension no channel answers: the originate fails as in ami-09. */
    public static final String UNREACHABLE_AGENT = "99999";
    /** A citizen whose phone rings unanswered when called back. */
    public static final String CITIZEN_NO_ANSWER = "13900000000";

    private final ServerSocket server;
    private final String secret;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger uniqueIds = new AtomicInteger();
    private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    private final List<LiveChannel> live = new CopyOnWriteArrayList<>();
    private final PbxQueues queues = new PbxQueues();
    private volatile OutputStream current;
    private volatile boolean down;
    /** Dynamic queue members (the desks' QueueAdd/Pause/Remove); the queue lists answer from {@code queues}. */
    private final PeerQueues members = new PeerQueues();

    public AsteriskAmiPeer(String secret) throws IOException {
        this.secret = secret;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "ami-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int logins() {
        return logins.get();
    }

    public List<Map<String, String>> actions() {
        return actions;
    }

    /** The PBX's queues: what QueueSummary and QueueStatus answer, and the source of scripted queue events. */
    public PbxQueues queues() {
        return queues;
    }

    /** Sends events (e.g. those {@link PbxQueues} scripts) to the logged-in client. */
    public void emitEvents(List<String> events) throws IOException {
        send(events, Map.of());
    }

    /** Sends every event of a capture to the logged-in client, replacing the capture's ActionIDs. */
    public void emit(String capture, Map<String, String> actionIds) throws IOException {
        send(events(capture), actionIds);
    }

    /**
     * Sends a capture's events with one field changed in the events of one channel, e.g. the Cdr
     * {@code UserField} a dialplan's {@code Set(CDR(userfield)=…)} would have filled.
     */
    public void emitWithField(String capture, String uniqueId, String field, String value) throws IOException {
        List<String> events = new ArrayList<>();
        for (String event : events(capture)) {
            boolean ofChannel = event.contains("Uniqueid: " + uniqueId + "\r\n")
                    || event.contains("UniqueID: " + uniqueId + "\r\n");
            int start = event.indexOf("\r\n" + field + ": ");
            if (ofChannel && start >= 0) {
                int end = event.indexOf("\r\n", start + 2);
                event = event.substring(0, start) + "\r\n" + field + ": " + value + event.substring(end);
            }
            events.add(event);
        }
        send(events, Map.of());
    }

    /**
     * The events of one callback originate: an agent channel containing {@link #UNREACHABLE_AGENT} fails
     * as in ami-09; a citizen {@link #CITIZEN_NO_ANSWER} lets the agent answer and the citizen ring
     * unanswered; anything else connects both legs as in ami-08. Every originate gets Uniqueids of its
     * own, as on a real PBX, so two callbacks dialled at once cannot be mistaken for each other.
     */
    private void originated(Map<String, String> originate) throws IOException {
        if (originate.getOrDefault("Channel", "").contains(UNREACHABLE_AGENT)) {
            send(renumbered(events("ami-09-originate-failure.txt")),
                    Map.of("hl-orig-originate-failure", originate.get("ActionID")));
            return;
        }
        List<String> events = renumbered(events("ami-08-callback-dial.txt"));
        if (CITIZEN_NO_ANSWER.equals(originate.get("Exten"))) {
            events = citizenDoesNotAnswer(events);
        }
        send(events, Map.of("hl-orig-callback-dial", originate.get("ActionID")));
    }

    /**
     * ami-08 as it goes when the citizen's phone rings unanswered: Dial() ends with the same DialEnd,
     * the callee still ringing and {@code DialStatus: NOANSWER} (app_dial's status for a callee that did
     * not answer), and neither the callee's answer (Newexten Answer, Newstate Up) nor a bridge happens;
     * the hang-ups and Cdrs follow as recorded.
     */
    static List<String> citizenDoesNotAnswer(List<String> events) {
        List<String> out = new ArrayList<>();
        for (String event : events) {
            boolean citizenAnswers = event.contains("@citizens") && (event.startsWith("Event: Newstate\r\n")
                    && event.contains("ChannelStateDesc: Up") || event.contains("Application: Answer\r\n"));
            if (citizenAnswers || event.startsWith("Event: Bridge")) {
                continue;
            }
            if (event.startsWith("Event: DialEnd\r\n") && event.contains("DestChannel: Local/13800138000@citizens")) {
                event = event.replace("DestChannelState: 6\r\nDestChannelStateDesc: Up\r\n",
                                "DestChannelState: 5\r\nDestChannelStateDesc: Ringing\r\n")
                        .replace("DialStatus: ANSWER\r\n", "DialStatus: NOANSWER\r\n");
            }
            out.add(event);
        }
        return out;
    }

    private static final java.util.regex.Pattern UNIQUE_ID = java.util.regex.Pattern.compile(
            "((?:Uniqueid|Linkedid|UniqueID): )(\\d+\\.\\d+)\r\n");

    /** The same events with fresh Uniqueids (each old id mapped to one new id throughout). */
    private List<String> renumbered(List<String> events) {
        Map<String, String> fresh = new java.util.HashMap<>();
        List<String> out = new ArrayList<>();
        for (String event : events) {
            out.add(UNIQUE_ID.matcher(event).replaceAll(m -> m.group(1) + fresh.computeIfAbsent(m.group(2),
                    old -> "1795990000." + uniqueIds.incrementAndGet()) + "\r\n"));
        }
        return out;
    }

    private synchronized void send(List<String> events, Map<String, String> actionIds) throws IOException {
        for (String message : events) {
            String text = message;
            for (Map.Entry<String, String> id : actionIds.entrySet()) {
                text = text.replace("ActionID: " + id.getKey() + "\r\n", "ActionID: " + id.getValue() + "\r\n");
            }
            write(current, text);
        }
    }

    /** A channel the PBX has right now, as CoreShowChannels lists it. */
    public record LiveChannel(String channel, String uniqueId, String linkedId, String callerIdNum, String context,
                              String exten, int priority, String application, String applicationData,
                              String duration) {
    }

    /** The channels CoreShowChannels lists from now on. */
    public void liveChannels(List<LiveChannel> channels) {
        live.clear();
        live.addAll(channels);
    }

    /**
     * Asterisk 22's answer to CoreShowChannels: the list acknowledgement and the closing
     * CoreShowChannelsComplete framed as QueueStatus is in ami-01 (EventList start / Complete, ListItems,
     * ActionID, no Privilege), and one CoreShowChannel per channel with the fields in the order the
     * Asterisk 22 documentation of the event gives (the channel block of every event, then BridgeId,
     * Application, ApplicationData, Duration). No capture of this action exists.
     */
    private String coreShowChannels(String id) {
        StringBuilder text = new StringBuilder("Response: Success\r\n" + id + "EventList: start\r\n"
                + "Message: Channels will follow\r\n\r\n");
        for (LiveChannel c : live) {
            text.append("Event: CoreShowChannel\r\n").append(id)
                    .append("Channel: ").append(c.channel()).append("\r\n")
                    .append("ChannelState: 6\r\nChannelStateDesc: Up\r\n")
                    .append("CallerIDNum: ").append(c.callerIdNum()).append("\r\n")
                    .append("CallerIDName: <unknown>\r\nConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\n")
                    .append("Language: zh\r\nAccountCode: \r\n")
                    .append("Context: ").append(c.context()).append("\r\n")
                    .append("Exten: ").append(c.exten()).append("\r\n")
                    .append("Priority: ").append(c.priority()).append("\r\n")
                    .append("Uniqueid: ").append(c.uniqueId()).append("\r\n")
                    .append("Linkedid: ").append(c.linkedId()).append("\r\n")
                    .append("BridgeId: \r\n")
                    .append("Application: ").append(c.application()).append("\r\n")
                    .append("ApplicationData: ").append(c.applicationData()).append("\r\n")
                    .append("Duration: ").append(c.duration()).append("\r\n\r\n");
        }
        return text.append("Event: CoreShowChannelsComplete\r\n").append(id).append("EventList: Complete\r\n")
                .append("ListItems: ").append(live.size()).append("\r\n\r\n").toString();
    }

    private void answer(OutputStream out, PeerQueues.Answer answer) throws IOException {
        write(out, answer.response());
        for (String event : answer.events()) {
            write(out, event);
        }
    }

    /** A dynamic member of a queue as the PBX has it now (QueueAdd'ed, maybe paused). */
    public Optional<PeerQueues.Member> member(String queue, String iface) {
        return members.member(queue, iface);
    }

    /** Asterisk restarts without persistent members: every dynamic member is gone, clients are dropped. */
    public void restartForgettingMembers() throws IOException {
        members.clear();
        dropConnections();
    }

    /**
     * A queue call of ami-06 put through to a desk: the capture's events up to and including the
     * AgentConnect (QueueCallerJoin, AgentCalled, the bridge …) with fresh Uniqueids, the agent
     * {@code Local/agent1@agents/n} ("Agent One") replaced by {@code iface} and {@code memberName}, and
     * the caller 13800138000 by {@code caller}. Returns the call; {@link #queueCallEnds} sends the rest.
     */
    public QueueCall queueCallConnects(String iface, String memberName, String caller) throws IOException {
        QueueCall call = queueCallRinging(iface, memberName, caller);
        queueCallAnswered(call);
        return call;
    }

    /** The events of such a call before its AgentConnect: the caller waits, the desk's phone rings. */
    public QueueCall queueCallRinging(String iface, String memberName, String caller) throws IOException {
        List<String> events = new ArrayList<>();
        for (String event : renumbered(events("ami-06-queue-answered.txt"))) {
            events.add(event.replace("Local/agent1@agents/n", iface).replace("MemberName: Agent One\r\n",
                    "MemberName: " + memberName + "\r\n").replace("13800138000", caller));
        }
        int connect = 0;
        while (!events.get(connect).startsWith("Event: AgentConnect\r\n")) {
            connect++;
        }
        send(events.subList(0, connect), Map.of());
        return new QueueCall(field(events.get(connect), "Uniqueid"), List.of(events.get(connect)),
                List.copyOf(events.subList(connect + 1, events.size())));
    }

    /** The desk answered: the AgentConnect of a ringing call. */
    public void queueCallAnswered(QueueCall call) throws IOException {
        send(call.connect(), Map.of());
    }

    /** The rest of a queue call: AgentComplete, hang-ups, Cdrs. */
    public void queueCallEnds(QueueCall call) throws IOException {
        send(call.rest(), Map.of());
    }

    /** A queue call on its way: the caller channel's Uniqueid (our call id) and the events still to come. */
    public record QueueCall(String uniqueId, List<String> connect, List<String> rest) {
    }

    private static String field(String event, String name) {
        int start = event.indexOf("\r\n" + name + ": ") + name.length() + 4;
        return event.substring(start, event.indexOf("\r\n", start));
    }

    /** Asterisk stops (its members kept, as with persistent members): clients dropped, new ones refused. */
    public void goDown() throws IOException {
        down = true;
        dropConnections();
    }

    /** Asterisk is back: the client's next reconnect attempt logs in. */
    public void comeBack() {
        down = false;
    }

    /** Drops every client connection, as a restart of Asterisk would. */
    public void dropConnections() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
        clients.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (down) {
                    socket.close();
                    continue;
                }
                clients.add(socket);
                Thread session = new Thread(() -> serve(socket), "ami-peer-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            write(out, "Asterisk Call Manager/11.0.0\r\n");
            for (Map<String, String> action = read(in); action != null; action = read(in)) {
                actions.add(action);
                if (!respond(out, action)) {
                    return;
                }
            }
        } catch (IOException dropped) {
            // the client went away or the test dropped the connection
        }
    }

    private boolean respond(OutputStream out, Map<String, String> a) throws IOException {
        String name = a.getOrDefault("Action", "");
        String id = a.containsKey("ActionID") ? "ActionID: " + a.get("ActionID") + "\r\n" : "";
        switch (name.toLowerCase()) {
            case "challenge" -> write(out, "Response: Success\r\n" + id + "Challenge: " + CHALLENGE + "\r\n\r\n");
            case "login" -> {
                if (!md5(CHALLENGE + secret).equals(a.get("Key"))) {
                    write(out, "Response: Error\r\n" + id + "Message: Authentication failed\r\n\r\n");
                    return false;
                }
                write(out, "Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n");
                synchronized (this) {
                    current = out;
                    for (String event : events("ami-01-login-core-logoff.txt").subList(0, 2)) {
                        write(out, event);
                    }
                }
                logins.incrementAndGet();
            }
            case "coresettings" -> write(out, "Response: Success\r\n" + id + "AMIversion: 11.0.0\r\n"
                    + "AsteriskVersion: 22.10.1\r\nSystemName: \r\nCoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\n"
                    + "CoreRunUser: \r\nCoreRunGroup: \r\nCoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\n"
                    + "CoreCDRenabled: Yes\r\nCoreHTTPenabled: No\r\nSoundsSearchCustomDir: No\r\n\r\n");
            case "ping" -> write(out, "Response: Success\r\n" + id + "Ping: Pong\r\nTimestamp: 1795876363.848006\r\n\r\n");
            case "originate" -> {
                write(out, "Response: Success\r\n" + id + "Message: Originate successfully queued\r\n\r\n");
                originated(a);
            }
            case "coreshowchannels" -> write(out, coreShowChannels(id));
            case "queuesummary" -> write(out, queues.summary(id));
            case "queuestatus" -> write(out, queues.status(id));
            case "queueadd" -> answer(out, members.add(a, id));
            case "queuepause" -> answer(out, members.pause(a, id));
            case "queueremove" -> answer(out, members.remove(a, id));
            case "logoff" -> {
                write(out, "Response: Goodbye\r\n" + id + "Message: Thanks for all the fish.\r\n\r\n");
                return false;
            }
            default -> write(out, "Response: Error\r\n" + id + "Message: Invalid/unknown command: " + name
                    + ". Use Action: ListCommands to show available commands.\r\n\r\n");
        }
        return true;
    }

    private static Map<String, String> read(BufferedReader in) throws IOException {
        // Asterisk reads header names case-insensitively; asterisk-java writes them in lower case
        Map<String, String> message = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) {
                if (!message.isEmpty()) {
                    return message;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon);
                String value = line.substring(colon + 1).strip();
                // Originate may carry several Variable lines; keep them all
                message.merge(key, value, (x, y) -> x + "," + y);
            }
        }
        return null;
    }

    /** The Event messages Asterisk sent in a capture, as the exact bytes. */
    static List<String> events(String capture) throws IOException {
        List<String> events = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        try (InputStream stream = AsteriskAmiPeer.class.getResourceAsStream("/asterisk/" + capture)) {
            if (stream == null) {
                throw new IOException("capture missing: " + capture);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int marker = line.indexOf("] AST> ");
                if (!line.startsWith("[") || marker < 0) {
                    continue;
                }
                String payload = unescape(line.substring(marker + 7));
                if (payload.startsWith("Asterisk Call Manager")) {
                    continue;
                }
                message.append(payload);
                if (payload.equals("\r\n")) {
                    if (message.toString().startsWith("Event: ")) {
                        events.add(message.toString());
                    }
                    message.setLength(0);
                }
            }
        }
        return events;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void write(OutputStream out, String text) throws IOException {
        if (out == null) {
            throw new IOException("no client logged in");
        }
        synchronized (out) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
