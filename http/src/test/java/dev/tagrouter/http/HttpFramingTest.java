package dev.tagrouter.http;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every request is answered within seconds whatever its framing: chunked bodies, empty ones included, are read
 * whole before they are parsed.
 */
@QuarkusTest
class HttpFramingTest {

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void anEmptyChunkedBodyIsAnsweredAtOnce(String path) throws IOException {
        String answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("\"code\":\"QUERY_REQUIRED\""), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void aChunkedBodyIsRouted(String path) throws IOException {
        String body = "{\"query\": \"Write a poem about the sea.\"}";
        String answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(body.length())
                + "\r\n" + body + "\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("\"model\""), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void aBrokenChunkIsTheCallersErrorNotOurs(String path) throws IOException {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            String answer = rawOrClosed("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                    + " application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 400"), answer);
            Thread.sleep(300); // the failure handler may run after the connection closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertTrue(errors.isEmpty(), () -> "logged at ERROR: " + errors.get(0).getMessage());
    }

    private String rawOrClosed(String request) throws IOException {
        try {
            return raw(request);
        } catch (java.net.SocketException closed) {
            return "";
        }
    }

    // One request on its own connection, read until the server closes it; no answer in 5 s fails the test.
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                if (answer.size() == 0) {
                    fail("no answer within 5 s to " + request.lines().findFirst().orElse(""));
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
