package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static dev.tagrouter.http.FuzzJson.pick;
import static dev.tagrouter.http.FuzzJson.truncate;
import static dev.tagrouter.http.FuzzJson.utf8;
import static dev.tagrouter.http.FuzzJson.value;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeded stream of malformed and hostile bodies against both route endpoints: none may get a 5xx, every refusal is a
 * JSON {code, message}, and the service still answers a valid request afterwards. {@code -Dfuzz.requests=10000}
 * runs the long version.
 */
@QuarkusTest
class BadInputFuzzTest {

    // The keys of the random JSON objects.
    private static final String[] KEYS = {"role", "content", "k"};

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 1_200);

    private final SplittableRandom random = new SplittableRandom(20261123);

    @Test
    void noBadInputGetsAServerError() {
        List<Function<SplittableRandom, byte[]>> generators = generators();
        for (int i = 0; i < REQUESTS; i++) {
            byte[] body = generators.get(i % generators.size()).apply(random);
            String path = i % 2 == 0 ? "/route" : "/v1/route";
            FuzzRequests.postRequiringACodedAnswer(i, path, body, null);
        }
        given().contentType(ContentType.JSON).body("{\"query\": \"Write a poem about the sea.\"}")
                .post("/v1/route").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"query\": \"Write a poem about the sea.\"}")
                .post("/route").then().statusCode(200);
    }

    private static List<Function<SplittableRandom, byte[]>> generators() {
        return List.of(
            r -> utf8("{\"query\": " + value(r, 0, KEYS) + "}"),
            r -> utf8(truncate(validBody(r), r)),
            r -> utf8("{\"query\": \"q\", \"" + pick(r, "messages", "candidates", "exclude", "maxCostUsd",
                    "costPreference", "sessionId", "requestId") + "\": " + value(r, 0, KEYS) + "}"),
            r -> utf8("[".repeat(r.nextInt(1, 3000)) + "]".repeat(r.nextInt(0, 3000))),
            r -> utf8("{\"query\": " + "{\"a\": ".repeat(r.nextInt(1, 1500)) + "1" + "}".repeat(r.nextInt(0, 1500)) + "}"),
            r -> randomBytes(r),
            r -> utf8("{\"query\": \"" + controlChars(r) + "\"}"),
            r -> utf8("{\"query\": \"" + "word ".repeat(r.nextInt(1, 9000)) + "\"}"),
            r -> utf8("{\"query\": \"q\", \"candidates\": [" + "\"m\",".repeat(r.nextInt(1, 4000)) + "\"m\"]}"),
            r -> utf8("{\"query\": \"q\", \"maxCostUsd\": " + pick(r, "-1", "1e400", "-1e400", "NaN", "Infinity",
                    "0x10", "1e-400", "99999999999999999999999999") + "}"),
            r -> utf8("{\"query\": \"q\", \"costPreference\": " + pick(r, "1e9", "-1e9", "1e308", "\"-1\"", "true")
                    + "}"),
            r -> utf8("{\"query\": \"q\", \"messages\": " + value(r, 0, KEYS) + "}"),
            r -> utf8(pick(r, "", "null", "true", "42", "\"text\"", "{}", "{\"query\": null}", "{\"query\": \"\\ud800\"}",
                    "{\"query\": \"\\u0000\"}", "{\"query\":\"a\",\"query\":\"b\"}")));
    }

    private static String validBody(SplittableRandom r) {
        return "{\"query\": \"Translate this into French: good morning\", \"candidates\": [], \"maxCostUsd\": 0.5,"
                + " \"costPreference\": " + (r.nextDouble() - 0.5) + ", \"sessionId\": \"s\"}";
    }

    private static String controlChars(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < r.nextInt(1, 40); i++) {
            s.append(r.nextBoolean() ? "\\u00" + String.format("%02x", r.nextInt(0, 32)) : (char) r.nextInt(0x20, 0x7e));
        }
        return s.toString().replace("\"", "").replace("\\\\", "");
    }

    private static byte[] randomBytes(SplittableRandom r) {
        byte[] bytes = new byte[r.nextInt(1, 300)];
        r.nextBytes(bytes);
        bytes[0] = '{';
        return bytes;
    }

    @Test
    void theGeneratorIsDeterministic() {
        assertEquals(new String(generators().get(2).apply(new SplittableRandom(1)), StandardCharsets.UTF_8),
                new String(generators().get(2).apply(new SplittableRandom(1)), StandardCharsets.UTF_8));
    }
}
