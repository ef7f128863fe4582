package dev.tagrouter.http;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Clients that prefer HTTP/2 without TLS (curl --http2, the JDK's HttpClient by default) offer an upgrade with their
 * first request: every endpoint answers it over HTTP/1.1, as it would any request, never with a 500.
 */
@QuarkusTest
class Http2Test {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anUpgradeOfferIsAnsweredOverHttp11OnEveryEndpoint() throws Exception {
        // A new client per request: each one's first request carries the upgrade offer.
        JsonObject route = post("v1/route", "{\"query\": \"Write a haiku about autumn leaves.\"}", 200);
        assertEquals(3, route.getJsonArray("models").size(), route::encode);
        post("v1/route/chat/completions",
                "{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\": \"Sort a list in Python.\"}]}", 200);
        JsonObject funqy = post("route", "{\"query\": \"Write a haiku about autumn leaves.\"}", 200);
        assertEquals(route.getString("model"), funqy.getString("model"));
        assertEquals("QUERY_REQUIRED", post("v1/route", "", 400).getString("code"));
        assertEquals("MALFORMED_JSON", post("v1/route/messages", "{\"messages\": [", 400).getString("code"));
    }

    @Test
    void aClientThatInsistsOnHttp2WithoutAskingGetsNoAnswerRatherThanAFailure() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false).setDefaultHost(root.getHost()).setDefaultPort(root.getPort()));
            ExecutionException refused = assertThrows(ExecutionException.class, () -> client
                    .request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/v1/route")
                            .putHeader("Content-Type", "application/json"))
                    .compose(request -> request.send(Buffer.buffer("{\"query\": \"hello\"}")))
                    .map(response -> response.statusCode())
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS));
            assertNotNull(refused.getCause());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private JsonObject post(String path, String body, int status) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, answer.statusCode(), answer::body);
        assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, answer.version());
        return new JsonObject(answer.body());
    }
}
