package dev.tagrouter.http;

import dev.tagrouter.remotetagger.FakeChatCompletionsServer;
import dev.tagrouter.remotetagger.FakeChatCompletionsServer.Reply;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service on a 128 MB heap against a tag generator that never stops sending, or sends 50 MB: every route
 * is answered within the budget from the rules with the reason {@code bad_output}, liveness stays up, and the heap
 * comes back down after a GC. Also: an API key with a trailing newline is sent without it.
 */
class RemoteTaggerLimitsIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    // Generous for a loaded CI machine: a local endless reply passes 64 KB within milliseconds, far inside it.
    private static final long BUDGET_MILLIS = 1_000;
    private static final long IN_TIME_MILLIS = BUDGET_MILLIS + 400;

    private static FakeChatCompletionsServer generator;
    private static Process app;
    private static Path log;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        generator = new FakeChatCompletionsServer();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        log = Files.createTempFile("remote-tagger-limits", ".log");
        app = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
                "-Dquarkus.http.port=" + port,
                "-Dtagrouter.tagger.mode=remote",
                "-Dtagrouter.tagger.remote.url=" + generator.baseUrl(),
                "-Dtagrouter.tagger.remote.timeout=" + BUDGET_MILLIS + "ms",
                "-Dtagrouter.tagger.remote.api-key=k-123\n",
                // Every call must reach the generator: no breaker opening, no cache answering.
                "-Dtagrouter.tagger.remote.circuit-breaker.request-volume=1000000",
                "-Dtagrouter.tagger.remote.cache.max-entries=0",
                "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    break;
                }
            } catch (Exception notYet) { // REST Assured rethrows ConnectException undeclared
                // not listening yet
            }
            assertTrue(app.isAlive() && System.nanoTime() < deadline, "the service did not start: "
                    + Files.readString(log));
            Thread.sleep(250);
        }
        // The first requests of a fresh JVM pay class loading, which is not what the time limits are about.
        given().port(port).contentType(ContentType.JSON).body("{\"query\": \"warm up\", \"tagger\": \"rules\"}")
                .post("/v1/route").then().statusCode(200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
        }
        if (generator != null) {
            generator.close();
        }
    }

    @Test
    void theApiKeyIsSentWithoutItsTrailingNewline() throws InterruptedException {
        generator.reset();
        generator.then(Reply.completion("[\"poetry\"]"));
        // What the generator received is the point here, not how fast a cold JVM on a busy machine answered.
        given().port(port).contentType(ContentType.JSON).body("{\"query\": \"Write a poem " + UUID.randomUUID()
                + "\"}").post("/v1/route").then().statusCode(200);
        for (int wait = 0; generator.received().isEmpty() && wait < 40; wait++) {
            Thread.sleep(50); // the generator records the call on its own thread
        }
        assertEquals("Bearer k-123", generator.received().get(0).authorization());
    }

    @Test
    void endlessAndHugeRepliesAreCutInTimeAndTheHeapRecovers() throws Exception {
        generator.reset();
        for (int i = 0; i < 20; i++) {
            generator.then(i % 2 == 0 ? Reply.endless() : Reply.ofSize(50L << 20));
            route().body("tagger", equalTo("rules")).body("fallbackReason", equalTo("bad_output"));
            given().port(port).get("/q/health/live").then().statusCode(200);
        }
        long heap = heapAfterGc();
        assertTrue(heap < 64L << 20, "heap after GC: " + (heap >> 20) + " MB");
    }

    private static io.restassured.response.ValidatableResponse route() {
        return given().port(port).contentType(ContentType.JSON)
                .body("{\"query\": \"Write a poem about the sea " + UUID.randomUUID() + "\"}")
                .post("/v1/route").then()
                .time(lessThan(IN_TIME_MILLIS))
                .statusCode(200);
    }

    private static long heapAfterGc() throws IOException, InterruptedException {
        Process gc = new ProcessBuilder("jcmd", Long.toString(app.pid()), "GC.run").redirectErrorStream(true).start();
        assertTrue(gc.waitFor(30, TimeUnit.SECONDS));
        String metrics = given().port(port).get("/q/metrics").then().statusCode(200).extract().asString();
        return (long) metrics.lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
