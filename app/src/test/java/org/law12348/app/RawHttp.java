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
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** POSTs a JSON body with a correct Content-Length plus the given extra header line (UTF-8 bytes). */
    Reply post(String path, String json, String extraHeader) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n" + extraHeader + "\r\n\r\n";
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
