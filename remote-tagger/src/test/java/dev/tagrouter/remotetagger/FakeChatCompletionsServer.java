package dev.tagrouter.remotetagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free port that speaks OpenAI's chat-completions protocol, standing in for a tag generator
 * served by vLLM or llama.cpp. Tests queue the replies it gives; it records every request it receives.
 */
public final class FakeChatCompletionsServer implements AutoCloseable {

    /**
     * One scripted reply: status, body, how long to wait before sending it, and how many bytes to send after the body
     * ({@link #ENDLESS}: chunked and without end until the client hangs up).
     */
    public record Reply(int status, String body, long delayMillis, long paddingBytes) {

        public static final long ENDLESS = -1;

        public Reply(int status, String body, long delayMillis) {
            this(status, body, delayMillis, 0);
        }

        /** The start of a completion followed by spaces, chunked, without end: a generator that never stops. */
        public static Reply endless() {
            return new Reply(200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"poetry", 0, ENDLESS);
        }

        /** A reply of about the given size, its length declared up front. */
        public static Reply ofSize(long bytes) {
            return new Reply(200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"poetry", 0, bytes);
        }

        /** A well-formed completion whose assistant message is the given text. */
        public static Reply completion(String content) {
            try {
                String text = new ObjectMapper().writeValueAsString(content);
                return new Reply(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"tagger\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + text
                        + "},\"finish_reason\":\"stop\"}]}", 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public static Reply status(int status) {
            return new Reply(status, "{\"error\":{\"message\":\"scripted failure\"}}", 0);
        }

        public Reply after(long millis) {
            return new Reply(status, body, millis, paddingBytes);
        }
    }

    /** A request as the server received it. */
    public record Received(String authorization, JsonNode body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final int port;
    private HttpServer server;
    private Reply otherwise = Reply.completion("[\"general\"]");

    public FakeChatCompletionsServer() throws IOException {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        s.createContext("/v1/chat/completions", this::handle);
        s.setExecutor(workers);
        s.start();
        return s;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** Replies to give, in order, to the next requests; then the default reply. */
    public synchronized FakeChatCompletionsServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply once the script is used up. */
    public synchronized void otherwise(Reply reply) {
        otherwise = reply;
    }

    public synchronized void reset() {
        script.clear();
        received.clear();
        otherwise = Reply.completion("[\"general\"]");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Stops listening: connections to the port are refused until {@link #listenAgain()}. */
    public synchronized void refuseConnections() {
        server.stop(0);
    }

    public synchronized void listenAgain() throws IOException {
        server = listen(port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = json.readTree(exchange.getRequestBody());
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body));
            Reply reply;
            synchronized (this) {
                reply = script.isEmpty() ? otherwise : script.poll();
            }
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            long padding = reply.paddingBytes();
            exchange.sendResponseHeaders(reply.status(), padding == Reply.ENDLESS ? 0 : bytes.length + padding);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
                byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                for (long sent = 0; padding == Reply.ENDLESS || sent < padding; sent += spaces.length) {
                    int n = padding == Reply.ENDLESS ? spaces.length : (int) Math.min(spaces.length, padding - sent);
                    out.write(spaces, 0, n);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (timeout): nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
