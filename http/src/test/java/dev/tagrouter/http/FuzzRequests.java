package dev.tagrouter.http;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sends one fuzzed body and holds its answer to the rule: no 5xx, no hang, every refusal a JSON {code, message}. */
final class FuzzRequests {

    // A hung request is a failure too: fail it in seconds, with the body that caused it.
    private static final RestAssuredConfig TIMEOUT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 10_000));

    private FuzzRequests() {
    }

    /** @param header a header name and value sent with the body, or null */
    static void postRequiringACodedAnswer(int i, String path, byte[] body, String[] header) {
        RequestSpecification request = given().config(TIMEOUT).contentType(ContentType.JSON);
        if (header != null) {
            request = request.header(header[0], header[1]);
        }
        Response response;
        try {
            response = request.body(body).post(path);
        } catch (Exception e) { // REST Assured rethrows socket timeouts unchecked but undeclared
            throw new AssertionError("request " + i + " to " + path + " got no answer (" + e + "): " + start(body), e);
        }
        int status = response.statusCode();
        assertTrue(status < 500, "request " + i + " to " + path + " got " + status + ": " + start(body));
        if (status != 200) {
            assertTrue(response.jsonPath().getString("code") != null
                    && response.jsonPath().getString("message") != null, "no {code, message}: " + response.asString());
        }
    }

    private static String start(byte[] body) {
        return new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    }
}
