package dev.sfu.cluster.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, so a test can send what no HTTP client library would: any bytes as the body, any
 * Content-Type, a Content-Length that lies, garbage instead of a request line.
 */
final class RawHttp {
    /** One answer; {@code status} is -1 when the server closed the connection without answering. */
    record Answer(int status, String body) {
    }

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A request with {@code Connection: close}; {@code contentType} null sends none. */
    Answer request(String method, String path, String contentType, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nConnection: close\r\n");
        if (contentType != null) head.append("Content-Type: ").append(contentType).append("\r\n");
        if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) bytes.writeBytes(body);
        return send(bytes.toByteArray());
    }

    /** Sends {@code bytes} as they are and reads the answer until the server closes the connection. */
    Answer send(byte[] bytes) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may answer and close before it read everything (e.g. 413): read what it said
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) answer.write(buffer, 0, n);
        } catch (SocketTimeoutException e) {
            throw new IOException("the server neither answered nor closed within the socket timeout", e);
        } catch (IOException reset) {
            // a reset after the answer: keep what arrived
        }
        return answer.toByteArray();
    }

    static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 ")) return new Answer(-1, text);
        int status = Integer.parseInt(text.substring(9, 12));
        int bodyStart = text.indexOf("\r\n\r\n");
        return new Answer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4));
    }
}
