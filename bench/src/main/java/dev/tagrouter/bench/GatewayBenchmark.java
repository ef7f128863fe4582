package dev.tagrouter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagrouter.api.JsonBodyReader;
import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.capability.ModelCatalogCodec;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.cost.TokenEncoding;
import dev.tagrouter.gateway.GatewayAnswer;
import dev.tagrouter.gateway.GatewayRouter;
import dev.tagrouter.gateway.ProviderFormat;
import dev.tagrouter.gateway.ProviderRequest;
import dev.tagrouter.gateway.RouterHeaders;
import dev.tagrouter.routing.ChatMessage;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.RouterSettings;
import dev.tagrouter.routing.ServiceRouters;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tagging.ModalTagger;
import dev.tagrouter.tagging.RuleTagger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The provider-native decision path in-process: a 20-turn OpenAI Chat Completions body with tools, from its raw
 * bytes through the strict JSON reader, the header options, the Chat Completions extractor and the capability
 * filter to the decision and its response headers, on the bundled table and model catalog (what
 * {@code GatewayService} does per request, minus the decision observers). Run from the repository root:
 * {@code java -jar bench/target/benchmarks.jar GatewayBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GatewayBenchmark {

    /** A system prompt, 20 turns and 6 tool calls; {@code scripts/load-test.sh} sends the same file. */
    public static final String BODY = "chat-completions-20-turns.json";

    private final JsonBodyReader reader = new JsonBodyReader();
    private byte[] body;
    private JsonNode tree;
    private GatewayRouter gateway;
    private TokenCounter tokens;
    private ProviderRequest extracted;
    private byte[] newConversation;
    private int[] nonces;
    private long conversations;

    // Written into every turn and tool call id of the new-conversation body, then overwritten with a call's number.
    private static final String NONCE = "~000000000000";

    @Setup
    public void setUp() throws IOException {
        Path table = Path.of(System.getProperty("table", "function/src/main/resources/tagrouter/table.json"));
        Path catalogFile = Path.of(System.getProperty("catalog",
                "function/src/main/resources/tagrouter/model-catalog.json"));
        RoutingTable routingTable = new RoutingTableCodec().read(table);
        tokens = TokenEncoding.CL100K_BASE.counter();
        ModelCatalog catalog;
        try (InputStream in = Files.newInputStream(catalogFile)) {
            catalog = new ModelCatalogCodec().read(in);
        }
        // Assembled as the service assembles it (rules only, as without a remote tagger); seeded keys, where the
        // service draws its keys from a secure source once per process.
        Router router = ServiceRouters.build(routingTable, RuleTagger.withCuratedVocabulary(), ModalTagger::only,
                tokens, RouterSettings.DEFAULTS, System::nanoTime, catalog, new SplittableRandom(0x5eedL));
        gateway = new GatewayRouter(router, Set.of("auto"));
        try (InputStream in = GatewayBenchmark.class.getResourceAsStream(BODY)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(BODY + " is missing from the benchmark jar"));
            }
            body = in.readAllBytes();
        }
        tree = reader.read(body);
        extracted = ProviderFormat.CHAT_COMPLETIONS.extractor().extract(tree);
        newConversation = newConversation(tree);
        nonces = nonceOffsets(newConversation);
    }

    // The same app's next conversation: the same system prompt and tools, every turn and tool call new.
    private static byte[] newConversation(JsonNode template) {
        ObjectNode copy = template.deepCopy();
        for (JsonNode message : copy.get("messages")) {
            if (message.path("role").asText().equals("system")) {
                continue;
            }
            if (message.path("content").isTextual()) {
                ((ObjectNode) message).put("content", NONCE + " " + message.get("content").asText());
            } else if (message.path("content").isArray()) {
                for (JsonNode part : message.get("content")) {
                    if (part.path("text").isTextual()) {
                        ((ObjectNode) part).put("text", NONCE + " " + part.get("text").asText());
                    }
                }
            }
            for (JsonNode call : message.path("tool_calls")) {
                ((ObjectNode) call).put("id", call.path("id").asText() + NONCE);
            }
        }
        return copy.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int[] nonceOffsets(byte[] body) {
        byte[] nonce = NONCE.getBytes(StandardCharsets.UTF_8);
        java.util.List<Integer> offsets = new java.util.ArrayList<>();
        for (int i = 0; i + nonce.length <= body.length; i++) {
            if (java.util.Arrays.equals(body, i, i + nonce.length, nonce, 0, nonce.length)) {
                offsets.add(i + 1);
            }
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Raw bytes to decision and response headers, the whole per-request work of the decision endpoint, for the
     * conversation's next request: its earlier turns were seen before (the same body each time).
     */
    @Benchmark
    public Map<String, String> decide() {
        return decide(body);
    }

    /**
     * The same for a conversation the router has never seen: every turn and tool call id of each call carries the
     * call's number (written into the body in place, a few dozen byte stores), so no turn is remembered; the system
     * prompt and the tools are what the app always sends.
     */
    @Benchmark
    public Map<String, String> decideNewConversation() {
        long number = ++conversations;
        for (int offset : nonces) {
            long digits = number;
            for (int i = NONCE.length() - 2; i >= 0; i--) {
                newConversation[offset + i] = (byte) ('0' + digits % 10);
                digits /= 10;
            }
        }
        return decide(newConversation);
    }

    private Map<String, String> decide(byte[] bytes) {
        JsonNode parsed = reader.read(bytes);
        RouterHeaders options = RouterHeaders.read(name -> null);
        options = new RouterHeaders(options.costPreference(), options.maxCostUsd(), options.candidates(),
                options.exclude(), options.sessionId(), UUID.randomUUID().toString(), options.previousModel(),
                options.pin());
        return GatewayAnswer.headers(gateway.route(ProviderFormat.CHAT_COMPLETIONS, parsed, options).decision());
    }

    /** The strict JSON reader alone on the same bytes. */
    @Benchmark
    public JsonNode parse() {
        return reader.read(body);
    }

    /** The parsed tree to the decision: extractor, tagging, token counts, capability filter, decision. */
    @Benchmark
    public Object route() {
        return gateway.route(ProviderFormat.CHAT_COMPLETIONS, tree, RouterHeaders.NONE).decision();
    }

    /** The exact input token count the router makes of the extracted query and context: its share of route. */
    @Benchmark
    public int countTokens() {
        int count = tokens.count(extracted.query());
        for (ChatMessage message : extracted.context()) {
            count += tokens.count(message.content());
        }
        return count;
    }

    /** The Chat Completions extractor alone on the parsed tree. */
    @Benchmark
    public ProviderRequest extract() {
        return ProviderFormat.CHAT_COMPLETIONS.extractor().extract(tree);
    }
}
