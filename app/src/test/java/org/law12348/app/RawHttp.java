package org.law12348.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 written by hand over a socket, for the malformed requests no HTTP client library will send. */
final class RawHttp {

    record Reply(int status, String text) {

        /** The values of the response header {@code name} (case-insensitive), in order. */
        java.util.List<String> headers(String name) {
            String head = text.contains("\r\n\r\n") ? text.substring(0, text.indexOf("\r\n\r\n")) : text;
            return head.lines().skip(1).filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).toList();
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * Sends {@code method path} with exactly the given header lines (plus Host, Connection and a
     * correct Content-Length), as a browser or an attacker's page would have it sent.
     */
    Reply send(String method, String path, java.util.List<String> headerLines, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\nContent-Length: " + bytes.length + "\r\n");
        headerLines.forEach(line -> head.append(line).append("\r\n"));
        return exchange(head.append("\r\n").toString(), bytes);
    }

    /** POSTs a JSON body with a correct Content-Length plus the given extra header line (UTF-8 bytes). */
    Reply post(String path, String json, String extraHeader) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n" + extraHeader + "\r\n\r\n";
        return exchange(head, body);
    }

    private Reply exchange(String head, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            String reply = readAll(socket.getInputStream());
            int status = reply.startsWith("HTTP/1.1 ") ? Integer.parseInt(reply.substring(9, 12)) : -1;
            return new Reply(status, reply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                all.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException | java.net.SocketException closedEarly) {
            // the server may reset a request it refused; what arrived is the answer
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
