package org.law12348.bench;

import org.law12348.telephony.internal.desk.DeskState;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.law12348.telephony.peer.AsteriskAmiPeer;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Screen-pop latency of the duty lawyer's desk: the product on PostgreSQL logged in over AMI to the
 * test peer that replays Asterisk 22's queue call (ami-06); the demo duty lawyer's desk PJSIP/1001 is
 * READY and one desk page is subscribed to {@code /api/v1/staff/desk/events}. Measured per call: from
 * the moment the peer starts writing the AgentConnect event to the socket until the page's HTTP client has
 * read the {@code call} event's data line (the caller card). The events before the AgentConnect
 * (QueueCallerJoin, AgentCalled …) are sent 0.5 s earlier, as the desk's phone rings. That spans asterisk-java's parsing, the
 * call record, the desk's state change, the card (caller history, clocks, audit) and SSE delivery; it
 * stops short of a browser's rendering. Calls run one after another.
 */
final class ScreenPopBench {

    private static final String LAWYER = "duty-lawyer";
    private static final long RINGING_MILLIS = 500;

    private ScreenPopBench() {
    }

    /**
     * The product on a fresh database, logged in to the AMI test peer (within 30 s), with a short
     * wrap-up and the hotline always open, as both screen-pop benchmarks need it.
     */
    static ConfigurableApplicationContext startOnPbx(AsteriskAmiPeer pbx, String database) throws Exception {
        ConfigurableApplicationContext app = Bench.start(Bench.freshDatabase(database),
                "law12348.telephony.ami.host=127.0.0.1", "law12348.telephony.ami.port=" + pbx.port(),
                "law12348.telephony.ami.username=hotline", "law12348.telephony.ami.secret=bench-secret",
                "law12348.telephony.ami.reconnect-min=100ms", "law12348.telephony.desk.wrap-up=1s",
                "law12348.telephony.hours.always-open=true");
        PhoneDesks desks = app.getBean(PhoneDesks.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!desks.pbxConnected() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return app;
    }

    static Map<String, String> run(int calls) throws Exception {
        try (AsteriskAmiPeer pbx = new AsteriskAmiPeer("bench-secret");
             ConfigurableApplicationContext app = startOnPbx(pbx, "law12348_bench_screenpop")) {
            PhoneDesks desks = app.getBean(PhoneDesks.class);
            desks.choose(LAWYER, DeskState.READY, null);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
            try (Stream<String> stream = subscribe(port, arrivals)) {
                int warmUp = Math.min(20, calls);
                Latencies latencies = new Latencies();
                for (int i = 0; i < warmUp + calls; i++) {
                    String caller = String.format("1380013%04d", i);
                    AsteriskAmiPeer.QueueCall call = pbx.queueCallRinging("PJSIP/1001", LAWYER, caller);
                    // the desk's phone rings (3 s in the capture) while the caller's earlier events are
                    // recorded; only then does the queue connect the call
                    Thread.sleep(RINGING_MILLIS);
                    long sent = System.nanoTime();
                    pbx.queueCallAnswered(call);
                    long received = awaitCard(arrivals, call.uniqueId());
                    if (i >= warmUp) {
                        latencies.add((received - sent) / 1_000);
                    }
                    pbx.queueCallEnds(call);
                }
                Map<String, String> figures = new LinkedHashMap<>();
                figures.put("screen pop, AgentConnect sent → SSE card read (" + latencies.count() + " calls) p50",
                        String.format("%.1f ms", latencies.percentileMillis(50)));
                figures.put("screen pop, AgentConnect sent → SSE card read (" + latencies.count() + " calls) p99",
                        String.format("%.1f ms", latencies.percentileMillis(99)));
                figures.put("screen pop max", String.format("%.1f ms", latencies.percentileMillis(100)));
                return figures;
            }
        }
    }

    private record Arrival(long at, String line) {
    }

    /** The desk page: every data line of the event stream with the time it was read. */
    private static Stream<String> subscribe(int port, BlockingQueue<Arrival> arrivals) throws Exception {
        String token = Base64.getEncoder().encodeToString((LAWYER + ":demo12348").getBytes(StandardCharsets.UTF_8));
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/staff/desk/events"))
                        .header("Authorization", "Basic " + token).header("X-Requested-With", "XMLHttpRequest")
                        .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("desk events answered " + response.statusCode());
        }
        Stream<String> body = response.body();
        Thread reader = new Thread(() -> {
            try {
                body.forEach(line -> arrivals.add(new Arrival(System.nanoTime(), line)));
            } catch (java.io.UncheckedIOException closed) {
                // the measurement is over and closed the stream
            }
        }, "screen-pop-reader");
        reader.setDaemon(true);
        reader.start();
        return body;
    }

    /** When the card of this call arrived (its data line names the call id). */
    private static long awaitCard(BlockingQueue<Arrival> arrivals, String callId) throws InterruptedException {
        String wanted = "\"callId\":\"" + callId + "\"";
        while (true) {
            Arrival a = arrivals.poll(10, TimeUnit.SECONDS);
            if (a == null) {
                throw new IllegalStateException("no screen pop for call " + callId + " within 10 s");
            }
            if (a.line().startsWith("data:") && a.line().contains(wanted) && a.line().contains("\"earlierCalls\"")) {
                return a.at();
            }
        }
    }
}
