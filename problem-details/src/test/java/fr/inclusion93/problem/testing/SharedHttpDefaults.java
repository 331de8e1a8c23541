package fr.inclusion93.problem.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What every application's HTTP layer does by problem-details' defaults (META-INF/microprofile-config.properties), for
 * the tests of problem-details and of the applications (in problem-details' test jar).
 */
public final class SharedHttpDefaults {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_URI_LENGTH = 4096;

    /** The security headers on every answer outside Swagger UI. */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

    private SharedHttpDefaults() {
    }

    /**
     * The raw answer (status line, headers, body) to a GET of {@code uri} written by hand: REST Assured and the JDK's
     * client refuse to send a malformed URI.
     */
    public static String rawGet(int port, String uri) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /**
     * The raw answer to a POST that declares a body of {@code contentLength} bytes and sends none of it: what a
     * server answers from the headers alone (a client still sending a large body may see the connection closed
     * under it, a broken pipe, before it reads the answer).
     */
    public static String rawPostDeclaring(int port, String path, long contentLength) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The body of a raw answer (after the blank line ending its headers). */
    public static String bodyOf(String rawAnswer) {
        return rawAnswer.substring(rawAnswer.indexOf("\r\n\r\n") + 4);
    }
}
