package org.law12348.telephony.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays Asterisk 22's side of a FastAGI session over TCP, byte for byte as in the captures under
 * {@code src/test/resources/asterisk/}: bare "\n" line ends, the agi_* environment in Asterisk's order,
 * "200 result=" replies (digits for GET DATA, "(timeout)" for none, -1 when the caller hangs up, and -1
 * without a hang-up for a sound file the PBX lacks), the unsolicited "HANGUP" notice, 511 for commands
 * on a dead channel, and one more "HANGUP" when the server closes its side.
 */
public final class AsteriskAgiPeer {

    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";

    private final String host;
    private final int port;
    private final String localAddress;
    private final List<String> commands = new ArrayList<>();
    private final List<String> wire = new ArrayList<>();

    public AsteriskAgiPeer(int port) {
        this("127.0.0.1", port, null);
    }

    /** A PBX at {@code localAddress} (e.g. 127.0.0.2) calling the FastAGI server at {@code host}. */
    public AsteriskAgiPeer(String host, int port, String localAddress) {
        this.host = host;
        this.port = port;
        this.localAddress = localAddress;
    }

    /** Runs one call to its end (the server closing the connection); returns the commands received. */
    public List<String> call(AgiCall call) throws IOException, InterruptedException {
        try (Socket socket = connect()) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            send(out, environment(call));
            boolean alive = true;
            boolean noticeSent = false;
            for (String command = next(in); command != null; command = next(in)) {
                commands.add(command);
                wire.add("AGI> " + command);
                if (!alive && !noticeSent) {
                    send(out, "HANGUP\n");
                    noticeSent = true;
                }
                if (call.pauseAt != null && command.startsWith(call.pauseAt) && call.paused.getCount() > 0) {
                    call.paused.countDown();
                    if (!call.resume.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                        throw new IOException("the test never resumed the call");
                    }
                }
                Reply reply = alive ? answer(call, command) : new Reply(deadReply(call, command), false);
                send(out, reply.text());
                if (reply.hangsUp()) {
                    alive = false;
                    if (command.startsWith("GET DATA") || command.startsWith("RECORD")) {
                        send(out, "HANGUP\n"); // agi-03: the notice follows the -1 at once
                        noticeSent = true;
                    }
                }
            }
            // the server half-closed: Asterisk says HANGUP once more (twice if not yet noticed) and closes
            try {
                send(out, noticeSent ? "HANGUP\n" : "HANGUP\nHANGUP\n");
            } catch (java.net.SocketException closedAtOnce) {
                wire.add("### the server closed the connection");
            }
        }
        return commands;
    }

    /** The server's next command; null when it closed its side (or reset a connection it refused). */
    private String next(BufferedReader in) throws IOException {
        try {
            return in.readLine();
        } catch (java.net.SocketException reset) {
            wire.add("### the server reset the connection");
            return null;
        }
    }

    public List<String> wire() {
        return wire;
    }

    private record Reply(String text, boolean hangsUp) {
    }

    private Reply answer(AgiCall call, String command) {
        String verb = command.split(" ")[0];
        switch (verb) {
            case "ANSWER":
                return ok("200 result=0\n");
            case "STREAM":
                // agi-01: a file the PBX lacks answers -1 with the channel still up
                return ok(call.lacks(tokens(command).get(2)) ? "200 result=-1 endpos=0\n" : "200 result=0 endpos=3520\n");
            case "SAY":
                return ok("200 result=0\n");
            case "SET":
                List<String> parts = tokens(command);
                call.variables.put(parts.get(2), parts.size() > 3 ? parts.get(3) : "");
                return ok("200 result=1\n");
            case "GET":
                if (command.startsWith("GET DATA")) {
                    if (call.lacks(tokens(command).get(2))) {
                        return ok("200 result=-1\n"); // the prompt is missing; no HANGUP notice follows
                    }
                    String key = call.keys.isEmpty() ? AgiCall.TIMEOUT : call.keys.poll();
                    if (AgiCall.HANG_UP.equals(key)) {
                        return new Reply("200 result=-1\n", true);
                    }
                    return ok(key.isEmpty() ? "200 result= (timeout)\n" : "200 result=" + key + "\n");
                }
                return ok(variable(call, command));
            case "RECORD":
                if (call.hangsUpWhileRecording) {
                    return new Reply("200 result=-1 (hangup) endpos=" + call.recordedSamples + "\n", true);
                }
                return ok(call.recordEndsWithHash ? "200 result=35 (dtmf) endpos=" + call.recordedSamples + "\n"
                        : "200 result=0 (timeout) endpos=" + call.recordedSamples + "\n");
            case "HANGUP":
                return new Reply("200 result=1\n", true);
            case "CHANNEL":
                return ok("200 result=6\n");
            default:
                return ok("510 Invalid or unknown command\n");
        }
    }

    private static String deadReply(AgiCall call, String command) {
        if (command.startsWith("GET VARIABLE") || command.startsWith("GET FULL VARIABLE")) {
            return variable(call, command);
        }
        if (command.startsWith("SET VARIABLE")) {
            return "200 result=1\n";
        }
        return command.startsWith("EXEC") ? "200 result=0\n" : DEAD + "\n";
    }

    private static String variable(AgiCall call, String command) {
        List<String> parts = tokens(command);
        String name = parts.get(parts.size() - 1);
        String value = call.variables.get(name);
        return value == null ? "200 result=0\n" : "200 result=1 (" + value + ")\n";
    }

    private static Reply ok(String text) {
        return new Reply(text, false);
    }

    private String environment(AgiCall call) {
        boolean withheld = "unknown".equals(call.callerId);
        return "agi_network: yes\n"
                + "agi_network_script: " + call.script + "\n"
                + "agi_request: agi://127.0.0.1:" + port + "/" + call.script + "\n"
                + "agi_channel: Local/12348@inbound-00000004;2\n"
                + "agi_language: en\n"
                + "agi_type: Local\n"
                + "agi_uniqueid: " + call.uniqueId + "\n"
                + "agi_version: 22.10.1\n"
                + "agi_callerid: " + call.callerId + "\n"
                + "agi_calleridname: " + call.callerIdName + "\n"
                + "agi_callingpres: " + (withheld ? "67" : "0") + "\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: unknown\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: inbound\n"
                + "agi_extension: 12348\n"
                + "agi_priority: 2\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: 140506207512256\n"
                + arguments(call)
                + "\n";
    }

    private static String arguments(AgiCall call) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < call.args.size(); i++) {
            lines.append("agi_arg_").append(i + 1).append(": ").append(call.args.get(i)).append('\n');
        }
        return lines.toString();
    }

    private void send(OutputStream out, String text) throws IOException {
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                wire.add("AST> " + line);
            }
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Socket connect() throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Socket socket = new Socket();
            try {
                if (localAddress != null) {
                    socket.bind(new InetSocketAddress(localAddress, 0));
                }
                socket.connect(new InetSocketAddress(host, port), 2000);
                return socket;
            } catch (ConnectException notYetListening) {
                socket.close();
                if (attempt > 50) {
                    throw notYetListening;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Splits an AGI command line into words; asterisk-java double-quotes its arguments. */
    static List<String> tokens(String command) {
        List<String> words = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)").matcher(command);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1).replace("\\\"", "\"") : m.group(2));
        }
        return words;
    }
}
