package org.law12348.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A lean HTTP/1.1 load-generator connection: one socket kept alive, one request at a time, the
 * answer read to its end (Content-Length or chunked) and only its status kept. The JDK's HttpClient
 * spent about 8 % of the intake run's CPU samples on the same two cores as the server (selector
 * thread hand-offs, async machinery); a load generator should cost the server as little as it can,
 * as wrk would from another machine.
 */
final class KeepAliveHttp implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** POSTs a JSON body; answers the status code. Reconnects once if the kept-alive socket was closed. */
    int postJson(String path, String json, String idempotencyKey) throws IOException {
        return postJsonWith(path, json, "Idempotency-Key: " + idempotencyKey);
    }

    /** POSTs a JSON body with the given header lines ("Name: value", ASCII); answers the status code. */
    int postJsonWith(String path, String json, String... headers) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder extra = new StringBuilder();
        for (String header : headers) {
            extra.append(header).append("\r\n");
        }
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\n" + extra
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int attempt = 0; ; attempt++) {
            try {
                connectIfNeeded();
                out.write(head);
                out.write(body);
                out.flush();
                return readAnswer();
            } catch (IOException e) {
                close();
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private void connectIfNeeded() throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }
    }

    private int readAnswer() throws IOException {
        String status = line();
        if (status.isEmpty()) {
            throw new IOException("connection closed by the server");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                skip(size);
                line();
            }
            line(); // the empty line after the last chunk (no trailers from Tomcat)
        } else if (length > 0) {
            skip(length);
        }
        if (closeAfter) {
            close();
        }
        return code;
    }

    private String line() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of an answer");
            }
            if (b != '\r') {
                buffer.write(b);
            }
        }
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }

    private void skip(long n) throws IOException {
        for (long left = n; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in the middle of a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a dead connection; the next request opens a new one
            }
            socket = null;
        }
    }
}
