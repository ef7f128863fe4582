package dev.tagrouter.http.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real reverse proxy (nginx + njs, the recipe in gateways/nginx) in front of a stand-in provider asks the packaged
 * router for every chat completion and forwards the request with the chosen model: what the provider receives is
 * what a deployment would send.
 */
@QuarkusIntegrationTest
class GatewayProxyIT {

    private static final String CHAT = """
            {"model": "auto", "temperature": 0.2, "stream": false,
             "messages": [
               {"role": "system", "content": "You are a helpful assistant."},
               {"role": "user", "content": [
                 {"type": "text", "text": "Write a Python function that checks whether a string is a palindrome."}]}
             ]}""";

    private static RecordingProvider provider;
    private static NginxGateway gateway;
    private static NginxGateway failOpenGateway;
    private static NginxGateway failClosedGateway;
    private static Path dir;

    @BeforeEach
    void startOnce() throws Exception {
        if (gateway != null) {
            provider.reset();
            return;
        }
        dir = Files.createTempDirectory("tagrouter-gateway");
        provider = new RecordingProvider();
        String router = "http://127.0.0.1:" + RestAssured.port;
        String providerUrl = "http://127.0.0.1:" + provider.port();
        String deadRouter = "http://127.0.0.1:" + closedPort();
        gateway = NginxGateway.start(dir.resolve("routed"), router, providerUrl, "");
        failOpenGateway = NginxGateway.start(dir.resolve("fail-open"), deadRouter, providerUrl, "gpt-4o-mini");
        failClosedGateway = NginxGateway.start(dir.resolve("fail-closed"), deadRouter, providerUrl, "");
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : Arrays.asList(gateway, failOpenGateway, failClosedGateway, provider)) {
            if (part != null) {
                part.close();
            }
        }
    }

    @Test
    void headerModeForwardsTheCallersBodyWithTheRoutersChoiceInAHeader() throws IOException {
        String expected = routerChoice(Map.of()).header("x-tagrouter-model");

        given().baseUri(gateway.url()).contentType("application/json").header("Authorization", "Bearer sk-test")
                .body(CHAT).post("/v1/chat/completions")
                .then().statusCode(200).header("x-tagrouter-model", expected).body("model", equalTo(expected));

        List<RecordingProvider.Received> received = provider.received();
        assertEquals(1, received.size(), gateway.log());
        RecordingProvider.Received request = received.get(0);
        assertEquals("/v1/chat/completions", request.path());
        assertEquals(expected, request.header("x-tagrouter-model"));
        assertEquals("Bearer sk-test", request.header("authorization"), "the provider key reaches the provider");
        assertEquals(CHAT, request.body(), "header mode leaves the body untouched");
    }

    @Test
    void rewriteModeForwardsTheBodyWithOnlyTheModelReplaced() {
        String expected = routerChoice(Map.of()).header("x-tagrouter-model");

        given().baseUri(gateway.url()).contentType("application/json").body(CHAT)
                .post("/rewrite/v1/chat/completions").then().statusCode(200);

        RecordingProvider.Received request = provider.received().get(0);
        JsonPath sent = JsonPath.from(request.body());
        JsonPath original = JsonPath.from(CHAT);
        assertEquals(expected, sent.getString("model"));
        assertEquals(original.getFloat("temperature"), sent.getFloat("temperature"));
        assertEquals(original.getBoolean("stream"), sent.getBoolean("stream"));
        assertEquals(original.getList("messages"), sent.getList("messages"));
    }

    @Test
    void aBusyModelFallsBackToTheNextOfTheRankedListWithoutASecondRoutingCall() {
        Response decision = routerChoice(Map.of());
        String chosen = decision.header("x-tagrouter-model");
        List<String> fallbacks = Arrays.stream(decision.header("x-tagrouter-fallbacks").split(","))
                .map(String::trim).toList();
        assertTrue(!fallbacks.isEmpty(), "the bundled pool leaves fallbacks for this query");
        provider.makeBusy(chosen);

        given().baseUri(gateway.url()).contentType("application/json").body(CHAT)
                .post("/rewrite/v1/chat/completions")
                .then().statusCode(200).header("x-tagrouter-model", fallbacks.get(0));

        List<RecordingProvider.Received> received = provider.received();
        assertEquals(2, received.size());
        assertEquals(chosen, JsonPath.from(received.get(0).body()).getString("model"));
        assertEquals(fallbacks.get(0), received.get(1).header("x-tagrouter-model"));
        assertEquals(fallbacks.get(0), JsonPath.from(received.get(1).body()).getString("model"));
    }

    @Test
    void routerOptionsInHeadersReachTheRouterThroughTheGateway() {
        String usual = routerChoice(Map.of()).header("x-tagrouter-model");
        String instead = routerChoice(Map.of("x-tagrouter-exclude", usual)).header("x-tagrouter-model");

        given().baseUri(gateway.url()).contentType("application/json").header("x-tagrouter-exclude", usual).body(CHAT)
                .post("/v1/chat/completions").then().statusCode(200).header("x-tagrouter-model", instead);

        assertEquals(instead, provider.received().get(0).header("x-tagrouter-model"));
        assertTrue(!instead.equals(usual));
    }

    @Test
    void aRequestTheRouterRefusesIsAnsweredWithItsErrorAndNeverReachesTheProvider() {
        given().baseUri(gateway.url()).contentType("application/json").body("{\"model\": \"auto\", \"messages\": [")
                .post("/v1/chat/completions")
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().baseUri(gateway.url()).contentType("application/json").header("x-tagrouter-candidates", "no-such-model")
                .body(CHAT).post("/v1/chat/completions")
                .then().statusCode(400).body("code", equalTo("UNKNOWN_MODEL"));

        assertEquals(List.of(), provider.received());
    }

    @Test
    void aRouterOutageFailsOpenToTheDefaultModelOrClosedWithAJsonError() {
        given().baseUri(failOpenGateway.url()).contentType("application/json").body(CHAT)
                .post("/rewrite/v1/chat/completions").then().statusCode(200);
        RecordingProvider.Received request = provider.received().get(0);
        assertEquals("gpt-4o-mini", request.header("x-tagrouter-model"));
        assertEquals("gpt-4o-mini", JsonPath.from(request.body()).getString("model"));

        provider.reset();
        given().baseUri(failClosedGateway.url()).contentType("application/json").body(CHAT)
                .post("/v1/chat/completions")
                .then().statusCode(502).body("code", equalTo("ROUTER_UNAVAILABLE"));
        assertEquals(List.of(), provider.received());
    }

    /** What the router itself answers for the same body: the gateway must act on exactly this. */
    private static Response routerChoice(Map<String, String> headers) {
        return given().contentType("application/json").headers(headers).body(CHAT)
                .post("/v1/route/chat/completions")
                .then().statusCode(200).extract().response();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
