package dev.tagrouter.infra;

import org.junit.jupiter.api.AfterEach;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives scripts/lambda-runtime-emulator the way the cold-start script does (java source launch), with the
 * test playing the runtime interface client: GET next, POST the answer.
 */
class RuntimeApiEmulatorTest {

    private static final Path EMULATOR = Path.of("..", "scripts", "lambda-runtime-emulator",
            "RuntimeApiEmulator.java");
    private static final String EVENT = "{\"query\":\"hello\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private Process emulator;
    private Thread outputReader;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopEmulator() {
        if (emulator != null) {
            emulator.destroyForcibly();
        }
    }

    @Test
    void servesEventsWithRuntimeHeadersRecordsAnswersAndExitsAfterTheLast() throws Exception {
        Path pidFile = Files.createTempFile("function", ".pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        String base = start("--invocations", "2", "--event", EVENT, "--rss-pid-file", pidFile.toString());

        HttpResponse<String> first = get(base + "invocation/next");
        assertEquals(200, first.statusCode());
        assertEquals(EVENT, first.body());
        String firstId = header(first, "Lambda-Runtime-Aws-Request-Id");
        long deadline = Long.parseLong(header(first, "Lambda-Runtime-Deadline-Ms"));
        assertTrue(deadline > System.currentTimeMillis(), "deadline lies in the future");
        assertTrue(header(first, "Lambda-Runtime-Invoked-Function-Arn").startsWith("arn:aws:lambda:"));
        assertEquals(202, post(base + "invocation/" + firstId + "/response", "{\"model\":\"a\"}").statusCode());

        HttpResponse<String> second = get(base + "invocation/next");
        String secondId = header(second, "Lambda-Runtime-Aws-Request-Id");
        assertNotEquals(firstId, secondId);
        assertEquals(202, post(base + "invocation/" + secondId + "/response", "{\"model\":\"b\"}").statusCode());

        assertEquals(0, exitStatus());
        assertTrue(output.contains("response_1={\"model\":\"a\"}"), output.toString());
        assertTrue(output.contains("response_2={\"model\":\"b\"}"), output.toString());
        long firstAnswer = Long.parseLong(fact("first_answer_epoch_us"));
        assertTrue(Math.abs(firstAnswer / 1000 - System.currentTimeMillis()) < 60_000, "epoch microseconds");
        assertTrue(Long.parseLong(fact("first_answer_rss_kib")) > 1024, "this JVM's RSS is above 1 MiB");
    }

    @Test
    void aSnapStartFunctionsRestoreNextIsAnsweredAndTheFirstInvocationIsTimed() throws Exception {
        String base = start("--event", EVENT);
        long before = System.currentTimeMillis();
        assertEquals(200, get(base + "restore/next").statusCode());
        String id = header(get(base + "invocation/next"), "Lambda-Runtime-Aws-Request-Id");
        Thread.sleep(50);
        assertEquals(202, post(base + "invocation/" + id + "/response", "{}").statusCode());

        assertEquals(0, exitStatus());
        long restore = Long.parseLong(fact("restore_next_epoch_us")) / 1000;
        assertTrue(restore >= before - 1 && restore <= System.currentTimeMillis(), "epoch microseconds: " + restore);
        long invocation = Long.parseLong(fact("first_invocation_ms"));
        assertTrue(invocation >= 50 && invocation < 60_000, "handed out to answered: " + invocation);
    }

    @Test
    void aRestoreErrorEndsTheRunWithStatus3() throws Exception {
        String base = start("--event", EVENT);
        assertEquals(202, post(base + "restore/error", "{\"errorType\":\"Hook\"}").statusCode());
        assertEquals(3, exitStatus());
        assertEquals("{\"errorType\":\"Hook\"}", fact("restore_error"));
    }

    @Test
    void anAnswerForAnUnknownRequestIsRefusedAndDoesNotCount() throws Exception {
        String base = start("--event", EVENT);
        assertEquals(400, post(base + "invocation/not-handed-out/response", "{}").statusCode());
        String id = header(get(base + "invocation/next"), "Lambda-Runtime-Aws-Request-Id");
        assertEquals(202, post(base + "invocation/" + id + "/response", "{}").statusCode());
        assertEquals(0, exitStatus());
    }

    @Test
    void anInvocationErrorEndsTheRunWithStatus2() throws Exception {
        String base = start("--invocations", "3", "--event", EVENT);
        String id = header(get(base + "invocation/next"), "Lambda-Runtime-Aws-Request-Id");
        post(base + "invocation/" + id + "/error", "{\"errorMessage\":\"boom\",\"errorType\":\"Boom\"}");
        assertEquals(2, exitStatus());
        assertTrue(output.contains("error_1={\"errorMessage\":\"boom\",\"errorType\":\"Boom\"}"), output.toString());
    }

    @Test
    void anInitErrorEndsTheRunWithStatus3() throws Exception {
        String base = start("--event", EVENT);
        assertEquals(202, post(base + "init/error", "{\"errorMessage\":\"no handler\"}").statusCode());
        assertEquals(3, exitStatus());
        assertTrue(output.contains("init_error={\"errorMessage\":\"no handler\"}"), output.toString());
    }

    @Test
    void missingEventIsAUsageError() throws Exception {
        emulator = new ProcessBuilder(javaCommand("--invocations", "1")).redirectErrorStream(true).start();
        String text = new String(emulator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, exitStatus());
        assertTrue(text.contains("--event-file"), text);
    }

    /** Starts the emulator on a free port and returns the runtime API base URL it prints first. */
    private String start(String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--port", "0"));
        arguments.addAll(List.of(options));
        emulator = new ProcessBuilder(javaCommand(arguments.toArray(String[]::new)))
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        String first = lines.readLine();
        assertTrue(first != null && first.startsWith("listening=127.0.0.1:"), String.valueOf(first));
        outputReader = new Thread(() -> lines.lines().forEach(output::add));
        outputReader.setDaemon(true);
        outputReader.start();
        return "http://" + first.substring("listening=".length()) + "/2018-06-01/runtime/";
    }

    private static List<String> javaCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), EMULATOR.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private int exitStatus() throws InterruptedException {
        assertTrue(emulator.waitFor(20, TimeUnit.SECONDS), "emulator did not exit");
        if (outputReader != null) {
            // The process has exited, so its output ends; wait until every line is in `output`.
            outputReader.join(5_000);
        }
        return emulator.exitValue();
    }

    private String fact(String key) {
        synchronized (output) {
            return output.stream().filter(line -> line.startsWith(key + "=")).findFirst()
                    .map(line -> line.substring(key.length() + 1))
                    .orElseThrow(() -> new AssertionError("no " + key + " in " + output));
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name)
                .orElseThrow(() -> new AssertionError("no header " + name + " in " + response.headers().map()));
    }
}
