package org.law12348.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The in-JVM Elasticsearch 7.10.2 test node ({@code ElasticsearchBenchNode} of knowledge-base-es-tests)
 * in a child JVM: it bundles Lucene 8, which cannot share the bench's classpath with the product's
 * Lucene 9. The child runs until its standard input closes.
 */
final class ElasticsearchChild implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchChild.class);
    private static final String MAIN = "org.law12348.knowledge.estests.ElasticsearchBenchNode";
    private static final String READY = "KB-ES-NODE-READY http-port=";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final int httpPort;

    private ElasticsearchChild(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /**
     * Starts the node with the test classpath that {@code dependency:build-classpath} wrote for
     * knowledge-base-es-tests ({@code target/classpath.txt}; the module's {@code target/test-classes}
     * beside it goes first) and waits until it answers.
     */
    static ElasticsearchChild start(Path classpathFile) throws IOException {
        Path testClasses = classpathFile.toAbsolutePath().getParent().resolve("test-classes");
        if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(testClasses)) {
            throw new IllegalStateException("No Elasticsearch test classpath at " + classpathFile + " and "
                    + testClasses + ": build knowledge-base-es-tests first (see bench/README.md)");
        }
        String classpath = testClasses + java.io.File.pathSeparator + Files.readString(classpathFile).strip();
        String java = ProcessHandle.current().info().command().orElse("java");
        int port = freePort();
        // The node's collector is the operator's choice, as in a real cluster's jvm.options. With G1 the
        // 1 GB node paused 8-16 ms for a young collection every ~2 s of the run, and those pauses made its
        // p99; the parallel collector's young pauses on this small heap are a few ms, and the node used
        // 16.5 instead of 20-24 ms of CPU per query (bench/README.md). -Dbench.es.jvm=-XX:+UseG1GC compares.
        List<String> command = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"));
        // e.g. -Dbench.es.jvm=-XX:StartFlightRecording=filename=/tmp/es.jfr to profile the node
        String extra = System.getProperty("bench.es.jvm", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.split(" ")));
        }
        command.addAll(List.of("-cp", classpath, MAIN, String.valueOf(port)));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        ElasticsearchChild child = new ElasticsearchChild(process, port);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> forwardOutput(process, ready), "es-child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            child.close();
            throw new IllegalStateException("The Elasticsearch node did not start: " + e, e);
        }
        log.info("Elasticsearch 7.10.2 node (pid {}) answers on 127.0.0.1:{}", process.pid(), port);
        return child;
    }

    int httpPort() {
        return httpPort;
    }

    /** CPU time the child process has used so far, all its threads. */
    OptionalLong cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(d -> OptionalLong.of(d.toNanos()))
                .orElse(OptionalLong.empty());
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("The Elasticsearch node did not stop within 60 s; killing it");
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void forwardOutput(Process process, CompletableFuture<Void> ready) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(READY)) {
                    ready.complete(null);
                } else {
                    log.debug("es-node: {}", line);
                }
            }
            ready.completeExceptionally(new IllegalStateException("exited with " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            ready.completeExceptionally(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
