package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static dev.tagrouter.http.FuzzJson.pick;
import static dev.tagrouter.http.FuzzJson.truncate;
import static dev.tagrouter.http.FuzzJson.utf8;
import static dev.tagrouter.http.FuzzJson.value;
import static io.restassured.RestAssured.given;

/**
 * Seeded provider-shaped bad bodies (the same kinds of damage as {@link BadInputFuzzTest}) against the three provider
 * endpoints (rewrite mode and a bad mode included), each request with a random router header: none may get a 5xx,
 * every refusal is a JSON {code, message}. {@code -Dfuzz.provider-requests=10000} runs the long version.
 */
@QuarkusTest
class ProviderBodyFuzzTest {

    // The keys of the random JSON objects.
    private static final String[] KEYS = {"role", "content", "type", "text", "k"};

    private final SplittableRandom random = new SplittableRandom(20261202);

    @Test
    void noBadProviderBodyGetsAServerError() {
        List<Function<SplittableRandom, byte[]>> generators = new java.util.ArrayList<>();
        generators.addAll(providerGenerators());
        List<String> paths = List.of("/v1/route/chat/completions", "/v1/route/messages", "/v1/route/responses",
                "/v1/route/responses?mode=rewrite", "/v1/route/messages?mode=x");
        String[][] headers = {{"x-tagrouter-max-cost-usd", "NaN"}, {"x-tagrouter-cost-preference", "1e400"},
                {"x-tagrouter-candidates", ",,"}, {"x-tagrouter-exclude", "a,b"}, {"x-tagrouter-pin", "yes"},
                {"x-tagrouter-previous-model", "FuseChat-Llama-3.1-8B-Instruct"}, {"x-session-id", "s".repeat(400)},
                {"x-request-id", "r"}};
        for (int i = 0; i < PROVIDER_REQUESTS; i++) {
            byte[] body = generators.get(i % generators.size()).apply(random);
            String path = paths.get(random.nextInt(paths.size()));
            String[] header = headers[random.nextInt(headers.length)];
            FuzzRequests.postRequiringACodedAnswer(i, path, body, header);
        }
        given().contentType(ContentType.JSON)
                .body("{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\": \"Write a poem.\"}]}")
                .post("/v1/route/chat/completions").then().statusCode(200);
    }

    private static final int PROVIDER_REQUESTS = Integer.getInteger("fuzz.provider-requests", 900);

    private static List<Function<SplittableRandom, byte[]>> providerGenerators() {
        return List.of(
            r -> utf8("{\"model\": " + value(r, 0, KEYS) + ", \"messages\": " + value(r, 0, KEYS)
                    + ", \"input\": " + value(r, 0, KEYS) + "}"),
            r -> utf8("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"" + pick(r, "text",
                    "image_url", "input_audio", "file", "tool_result", "image", "document", "x") + "\", \"text\": "
                    + value(r, 0, KEYS) + ", \"content\": " + value(r, 0, KEYS) + "}]}], \"input\": [{\"type\": \""
                    + pick(r, "message", "function_call", "function_call_output", "reasoning") + "\", \"role\": \"user\","
                    + " \"content\": " + value(r, 0, KEYS) + ", \"output\": " + value(r, 0, KEYS) + "}]}"),
            r -> utf8("{\"messages\": [{\"role\": \"user\", \"content\": \"Write a poem\"}], \"input\": \"Write a"
                    + " poem\", \"" + pick(r, "tools", "functions", "response_format", "max_tokens",
                    "max_completion_tokens", "max_output_tokens", "system", "instructions", "text", "output_format",
                    "model") + "\": " + value(r, 0, KEYS) + "}"),
            r -> utf8("{\"messages\": [" + "{\"role\": \"assistant\", \"content\": null},".repeat(r.nextInt(1, 300))
                    + "{\"role\": \"user\", \"content\": \"hi\"}], \"input\": [" + "{\"role\": \"user\", \"content\":"
                    + " \"hi\"},".repeat(r.nextInt(1, 300)) + "{}]}"),
            r -> utf8(pick(r, "", "null", "[]", "{}", "{\"messages\": ", "{\"input\": \"\\ud800\"}",
                    "{\"messages\": [{\"role\": \"user\", \"content\": \"\\u0000\"}]}", "[".repeat(3000))),
            r -> utf8(truncate(ProviderBodies.read(pick(r, "openai-chat-tools.json",
                    "anthropic-messages-tools.json", "openai-responses-items.json")), r)));
    }

}
