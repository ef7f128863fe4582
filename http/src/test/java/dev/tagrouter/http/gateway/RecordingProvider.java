package dev.tagrouter.http.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

/** A stand-in LLM provider: records every request it receives and answers 429 for the models told to be busy. */
final class RecordingProvider implements AutoCloseable {

    /** One request as the provider received it; header names are lower case. */
    record Received(String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> busyModels = ConcurrentHashMap.newKeySet();

    RecordingProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void reset() {
        received.clear();
        busyModels.clear();
    }

    /** Requests whose x-tagrouter-model is this model get 429 from now on. */
    void makeBusy(String model) {
        busyModels.add(model);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            Received request = new Received(exchange.getRequestURI().toString(), headers, body);
            received.add(request);
            String model = request.header("x-tagrouter-model");
            boolean busy = model != null && busyModels.contains(model);
            byte[] reply = (busy
                    ? "{\"error\": {\"type\": \"rate_limit_error\", \"message\": \"busy\"}}"
                    : "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"model\": \"" + model + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(busy ? 429 : 200, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
