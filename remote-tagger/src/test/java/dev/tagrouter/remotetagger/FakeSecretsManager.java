package dev.tagrouter.remotetagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a free port answering Secrets Manager's GetSecretValue (AWS JSON 1.1 protocol) from a fixed
 * map of secrets, which a test may change (a rotation); it records the SigV4 Authorization header of every call.
 */
public final class FakeSecretsManager implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> secrets;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public FakeSecretsManager(Map<String, String> secrets) throws IOException {
        this.secrets = new ConcurrentHashMap<>(secrets);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Gives the secret a new value, as a rotation does. */
    public void rotate(String secretId, String value) {
        secrets.put(secretId, value);
    }

    /** Authorization headers of the calls received, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            JsonNode request = json.readTree(exchange.getRequestBody());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String secretId = request.path("SecretId").asText();
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                send(exchange, 400, Map.of("__type", "UnknownOperationException", "message", "not " + target));
            } else if (!secrets.containsKey(secretId)) {
                send(exchange, 400, Map.of("__type", "ResourceNotFoundException",
                        "message", "Secrets Manager can't find the specified secret."));
            } else {
                send(exchange, 200, Map.of("ARN", secretId, "Name", "tagrouter/tagger-api-key",
                        "SecretString", secrets.get(secretId), "VersionId", "v1"));
            }
        }
    }

    private void send(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
