package dev.tagrouter.http;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the packaged artifact builds at run time, read from its own log: the routing table, the rule tagger and the
 * token counter all come precomputed at build time, and (on the JVM, from the class-load log up to the first answered
 * request) none of the code that builds them from text is even loaded, nor the remote tagger's cache, secret
 * client and HTTP client when no remote tagger is configured, nor the JVM meter binders before the first scrape; and
 * its jars are stored, not deflated. jtokkit is not in the artifact at all.
 */
class ColdStartPartsIT {

    private static final Path APP = Path.of("target", "quarkus-app");
    private static final Pattern PORT = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    // Each runs only when a part is built from text: the vocabulary parser, the trie builder, the JSON table reader.
    private static final List<String> TEXT_BUILDERS = List.of("dev.tagrouter.tagging.VocabularyParser",
            "dev.tagrouter.tagging.PhraseTrie$Builder", "dev.tagrouter.tagging.TagVocabulary$ResourceLines",
            "dev.tagrouter.table.RoutingTableCodec");
    // Without tagrouter.tagger.remote.url the remote tagger is not built: no tag cache (Caffeine), no Secrets Manager
    // client, no HTTP client or guard of its own. Each of these loads as soon as a URL is set.
    private static final List<String> REMOTE_TAGGER_PARTS = List.of("com.github.benmanes.caffeine.cache.Caffeine",
            "software.amazon.awssdk.", "dev.tagrouter.remotetagger.RemoteTagGenerator",
            "dev.tagrouter.remotetagger.StreamingChatCompletionsClient");

    // Quarkus would bind these at start-up; DeferredMeterBinders binds them on the first read of /q/metrics.
    private static final List<String> DEFERRED_METERS = List.of("io.micrometer.core.instrument.binder.jvm.",
            "io.micrometer.core.instrument.binder.system.", "io.micrometer.core.instrument.binder.netty4.");

    @Test
    void allThreeRouterPartsComePrecomputedAndNothingIsBuiltFromTextUpToTheFirstAnswer() throws Exception {
        Path classLog = Files.createTempFile("tagrouter-classes", ".log");
        Path classLogAtFirstAnswer = Files.createTempFile("tagrouter-classes-first-answer", ".log");
        try {
            if (nativeImage().isEmpty()) {
                try (Stream<Path> files = Files.walk(APP)) {
                    List<String> shipped = files.map(f -> f.getFileName().toString())
                            .filter(f -> f.contains("jtokkit") || f.contains("ahocorasick")).toList();
                    assertEquals(List.of(), shipped, "jtokkit and ahocorasick are test oracles only");
                }
                assertEquals(List.of(), deflatedJars(), "jars with deflated entries: class loading inflates them");
            }
            List<String> log = startAndRouteOnce(classLog, classLogAtFirstAnswer);
            List<String> parts = log.stream().filter(l -> l.contains("router part ")).toList();
            assertEquals(3, parts.size(), String.join("\n", log));
            for (String part : List.of("routing table", "rule tagger", "token counter")) {
                assertTrue(parts.stream().anyMatch(l -> l.contains("router part " + part + " (")
                        && l.contains("precomputed at build time") && l.contains(") ready in ")),
                        part + " is not precomputed:\n" + String.join("\n", parts));
            }
            // The bundled model catalog too: read from model-catalog.bin, not by Jackson from its JSON.
            assertTrue(log.stream().anyMatch(l -> l.contains("router model catalog (precomputed at build time) ready in ")),
                    "the model catalog is not precomputed:\n" + String.join("\n", log));
            if (nativeImage().isEmpty()) {
                String loaded = Files.readString(classLog);
                assertTrue(loaded.contains("dev.tagrouter.bundled.BundledParts "), "the class-load log is empty");
                for (String builder : TEXT_BUILDERS) {
                    assertTrue(!loaded.contains(builder + " "), builder + " was loaded: a part was built from text");
                }
                for (String part : REMOTE_TAGGER_PARTS) {
                    assertTrue(!loaded.contains("] " + part), part + " was loaded, but no remote tagger is configured");
                }
                // The OpenAPI document is served from a resource: SmallRye OpenAPI is not even in the artifact.
                assertTrue(!loaded.contains("] io.smallrye.openapi.") && !loaded.contains("] org.yaml.snakeyaml."),
                        "SmallRye OpenAPI or snakeyaml was loaded");
                String atFirstAnswer = Files.readString(classLogAtFirstAnswer);
                assertTrue(atFirstAnswer.contains("dev.tagrouter.routing.RouteDecision "),
                        "the class-load log was not written up to the first answer");
                for (String meters : DEFERRED_METERS) {
                    assertTrue(!atFirstAnswer.contains("] " + meters), meters + "* was loaded before the first answer");
                }
            }
        } finally {
            Files.deleteIfExists(classLog);
            Files.deleteIfExists(classLogAtFirstAnswer);
        }
    }

    // The package phase stores every jar's entries (scripts/stored-jars/StoredJars.java).
    private static List<String> deflatedJars() throws IOException {
        List<String> deflated = new ArrayList<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.stream().anyMatch(e -> e.getMethod() != ZipEntry.STORED)) {
                        deflated.add(APP.relativize(jar).toString());
                    }
                }
            }
        }
        return deflated;
    }

    // The native integration tests (-Dnative) name the executable; then it is the artifact under test.
    private static Optional<Path> nativeImage() {
        Path path = Path.of(System.getProperty("native.image.path", ""));
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Starts the artifact, routes one query once it listens, and returns its log up to then. */
    private static List<String> startAndRouteOnce(Path classLog, Path classLogAtFirstAnswer)
            throws IOException, InterruptedException {
        String debug = "-Dquarkus.log.category.\"dev.tagrouter.function\".level=DEBUG";
        List<String> command = nativeImage().isPresent()
                ? List.of(nativeImage().get().toString(), "-Dquarkus.http.port=0", debug)
                : List.of(ProcessHandle.current().info().command().orElse("java"),
                        "-Xlog:class+load=info:file=" + classLog, "-Dquarkus.http.port=0", debug,
                        "-jar", APP.resolve("quarkus-run.jar").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && lines.size() < 500; line = out.readLine()) {
                lines.add(line);
                Matcher port = PORT.matcher(line);
                if (port.find()) {
                    route(Integer.parseInt(port.group(1)));
                    if (nativeImage().isEmpty()) {
                        Files.copy(classLog, classLogAtFirstAnswer, StandardCopyOption.REPLACE_EXISTING);
                    }
                    scrapesTheJvmMeters(Integer.parseInt(port.group(1)));
                    servesTheCommittedOpenApiDocument(Integer.parseInt(port.group(1)));
                    break;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return lines;
    }

    private static void scrapesTheJvmMeters(int port) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newBuilder().build().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/q/metrics")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        for (String series : List.of("jvm_memory_used_bytes{", "process_cpu_usage ", "netty_allocator_memory_used{")) {
            assertTrue(answer.body().contains(series), series + " is not in the first scrape");
        }
    }

    private static void servesTheCommittedOpenApiDocument(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().build();
        for (String format : List.of("json", "yaml")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/q/openapi?format=" + format))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(Files.readString(Path.of("src", "main", "resources", "openapi", "openapi." + format)),
                    answer.body(), "/q/openapi?format=" + format);
        }
    }

    private static void route(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/route"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"Schreibe eine Python-Funktion, die prüft,"
                        + " ob ein Wort ein Palindrom ist.\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"tag\":\"python\""), answer.body());
    }
}
