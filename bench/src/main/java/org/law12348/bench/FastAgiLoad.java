package org.law12348.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FastAGI load driver: N simulated Asterisk calls at once against a running application's FastAGI
 * port, each through the whole hotline menu, answering every command the way Asterisk 22 does
 * (bare "\n" lines, "200 result=…", digits for GET DATA, "(timeout)" for none).
 *
 * <p>{@code path=queue}: key 1, then wait for the queue (in service hours the call ends with
 * HOTLINE_ACTION=queue). {@code path=message}: key 1, then 0 for a message, which records and takes
 * a PHONE ticket in through intake (after hours the same keys leave a message too).
 *
 * <p>Measures per AGI command the time from Asterisk's reply to the script's next command (the
 * application's think time, database work included), calls per second and errors.
 * Usage: {@code FastAgiLoad host=127.0.0.1 port=4573 calls=200 concurrency=200 path=queue}
 */
public final class FastAgiLoad {

    private static final Logger log = LoggerFactory.getLogger(FastAgiLoad.class);

    private final String host;
    private final int port;
    private final String path;
    private final String runId = Long.toString(System.currentTimeMillis() / 1000);
    private final ConcurrentLinkedQueue<Long> commandNanos = new ConcurrentLinkedQueue<>();
    private final java.util.Map<String, ConcurrentLinkedQueue<Long>> byCommand = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();

    private FastAgiLoad(String host, int port, String path) {
        this.host = host;
        this.port = port;
        this.path = path;
    }

    public static void main(String[] args) throws Exception {
        String host = arg(args, "host", "127.0.0.1");
        int port = Integer.parseInt(arg(args, "port", "4573"));
        int calls = Integer.parseInt(arg(args, "calls", "200"));
        int concurrency = Integer.parseInt(arg(args, "concurrency", "200"));
        measure(host, port, arg(args, "path", "queue"), calls, concurrency).forEach((k, v) -> log.info("{}: {}", k, v));
    }

    /** Runs a warm-up, then {@code calls} calls, and answers the figures for the benchmark table. */
    static java.util.Map<String, String> measure(String host, int port, String path, int calls, int concurrency)
            throws InterruptedException {
        FastAgiLoad load = new FastAgiLoad(host, port, path);
        load.run(Math.min(20, calls), Math.min(20, concurrency)); // warm-up: JIT, pools, first inserts
        load.commandNanos.clear();
        load.byCommand.clear();
        load.errors.set(0);
        long wall = load.run(calls, concurrency);
        load.report(calls, concurrency, wall);
        long[] sorted = load.commandNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        String name = "FastAGI " + calls + " calls at once, path " + path;
        java.util.Map<String, String> figures = new java.util.LinkedHashMap<>();
        figures.put(name + ": calls/s", String.format(Locale.ROOT, "%.1f", calls / (wall / 1e9)));
        figures.put(name + ": per AGI command p50 / p99 ms", millis(sorted, 0.5) + " / " + millis(sorted, 0.99));
        figures.put(name + ": failed calls", String.valueOf(load.errors.get()));
        return figures;
    }

    private long run(int calls, int concurrency) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < calls; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    start.await();
                    call(n);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    log.warn("call {} failed: {}", n, e.toString());
                }
            });
        }
        long began = System.nanoTime();
        start.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("calls did not finish in 10 minutes");
        }
        return System.nanoTime() - began;
    }

    private void call(int n) throws IOException {
        String uniqueId = "bench" + runId + "." + n + "." + System.nanoTime() % 100000;
        String callerId = String.format(Locale.ROOT, "138%08d", n);
        List<String> keys = new ArrayList<>(path.equals("message") ? List.of("1", "0") : List.of("1", ""));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            write(out, environment(uniqueId, callerId));
            String last = null;
            long sent = System.nanoTime();
            for (String command = in.readLine(); command != null; command = in.readLine()) {
                long took = System.nanoTime() - sent;
                commandNanos.add(took);
                String verb = command.split(" \"")[0];
                byCommand.computeIfAbsent(verb, k -> new ConcurrentLinkedQueue<>()).add(took);
                last = command;
                write(out, reply(command, keys));
                sent = System.nanoTime();
            }
            boolean finished = last != null && (last.startsWith("SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\""));
            if (!finished) {
                errors.incrementAndGet();
                log.warn("call {} ended after {}", n, last);
            }
        }
    }

    private static String reply(String command, List<String> keys) {
        if (command.startsWith("GET DATA")) {
            String key = keys.isEmpty() ? "" : keys.remove(0);
            return key.isEmpty() ? "200 result= (timeout)\n" : "200 result=" + key + "\n";
        }
        if (command.startsWith("STREAM FILE")) {
            return "200 result=0 endpos=3520\n";
        }
        if (command.startsWith("RECORD FILE")) {
            // 15 s of speech at 8000 samples a second: shorter messages are missed calls, not tickets
            return "200 result=35 (dtmf) endpos=120000\n";
        }
        if (command.startsWith("SET VARIABLE") || command.startsWith("HANGUP")) {
            return "200 result=1\n";
        }
        if (command.startsWith("GET VARIABLE")) {
            return "200 result=1 (0)\n";
        }
        return "200 result=0\n"; // ANSWER, SAY ALPHA, SAY DIGITS
    }

    private String environment(String uniqueId, String callerId) {
        return "agi_network: yes\nagi_network_script: hotline\nagi_request: agi://" + host + ":" + port + "/hotline\n"
                + "agi_channel: PJSIP/trunk-00000001\nagi_language: zh\nagi_type: PJSIP\nagi_uniqueid: " + uniqueId
                + "\nagi_version: 22.10.1\nagi_callerid: " + callerId + "\nagi_calleridname: unknown\n"
                + "agi_callingpres: 0\nagi_callingani2: 0\nagi_callington: 0\nagi_callingtns: 0\nagi_dnid: 12348\n"
                + "agi_rdnis: unknown\nagi_context: from-trunk\nagi_extension: 12348\nagi_priority: 3\n"
                + "agi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 140506207512256\n\n";
    }

    private void report(int calls, int concurrency, long wallNanos) {
        long[] sorted = commandNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = wallNanos / 1e9;
        log.info("FastAGI load, path={}: {} calls at concurrency {} in {} s = {} calls/s; {} AGI commands, "
                        + "per command p50 {} ms, p99 {} ms, max {} ms; errors {}",
                path, calls, concurrency, String.format(Locale.ROOT, "%.2f", seconds),
                String.format(Locale.ROOT, "%.1f", calls / seconds), sorted.length, millis(sorted, 0.50),
                millis(sorted, 0.99), millis(sorted, 1.0), errors.get());
        byCommand.forEach((verb, nanos) -> {
            long[] each = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            log.info("  before {}: n={} p50 {} ms, p99 {} ms", verb, each.length, millis(each, 0.5), millis(each, 0.99));
        });
    }

    private static String millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.2f", sorted[Math.max(0, index)] / 1e6);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String arg(String[] args, String name, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
                .findFirst().orElse(fallback);
    }
}
