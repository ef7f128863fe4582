package dev.tagrouter.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GitHub workflows parse as YAML and contain the triggers, builds and uploads the README promises. */
class WorkflowFilesTest {

    /** Surefire runs in the module directory; the workflows live at the repository root. */
    private static final Path WORKFLOWS = Path.of("..", ".github", "workflows");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyWorkflowParsesAndPinsItsActions() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(WORKFLOWS)) {
            files = listing.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
        }
        assertEquals(List.of("ci.yml", "native.yml", "table-loop.yml"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        for (Path file : files) {
            JsonNode workflow = read(file.getFileName().toString());
            assertTrue(workflow.path("jobs").size() > 0, file + " has no jobs");
            for (JsonNode step : allSteps(workflow)) {
                String uses = step.path("uses").asText("");
                assertTrue(uses.isEmpty() || uses.matches("[\\w.-]+/[\\w.-]+@v\\d+"), file + ": unpinned " + uses);
                assertTrue(step.has("uses") || step.has("run"), file + ": step does neither uses nor run: " + step);
            }
        }
    }

    @Test
    void ciBuildsEveryPushAndPullRequestOnJdk17And25() throws IOException {
        JsonNode ci = read("ci.yml");
        assertTrue(ci.path("on").has("push") && ci.path("on").has("pull_request"), ci.path("on").toString());
        JsonNode build = ci.path("jobs").path("build");
        List<String> javaVersions = new ArrayList<>();
        build.path("strategy").path("matrix").path("java").forEach(version -> javaVersions.add(version.asText()));
        assertEquals(List.of("17", "25"), javaVersions);
        assertTrue(runs(ci).contains("./mvnw -B verify"), runs(ci).toString());
        assertTrue(usesWith(ci, "actions/setup-java@", "distribution").contains("temurin"));
        assertTrue(usesWith(ci, "actions/cache@", "path").contains("~/.m2/repository"));
    }

    @Test
    void ciUploadsTheLambdaZipAndTheHttpFastJar() throws IOException {
        List<String> uploaded = usesWith(read("ci.yml"), "actions/upload-artifact@", "path");
        assertEquals(List.of("lambda/target/function.zip", "lambda-remote/target/function.zip",
                "http/target/quarkus-app/"), uploaded);
    }

    @Test
    void nativeBuildsInTheMandrelContainerAndTestsTheNativeHttpApp() throws IOException {
        JsonNode nativeWorkflow = read("native.yml");
        JsonNode on = nativeWorkflow.path("on");
        assertEquals("main", on.path("push").path("branches").path(0).asText());
        assertTrue(on.has("workflow_dispatch"));
        String flags = nativeWorkflow.path("env").path("NATIVE_FLAGS").asText();
        assertTrue(flags.contains("-Dquarkus.native.container-build=true"), flags);
        assertTrue(flags.contains("-Dquarkus.native.builder-image=quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25"),
                flags);
        List<String> runs = runs(nativeWorkflow);
        assertTrue(runs.contains("./mvnw -B -pl http verify $NATIVE_FLAGS"), runs.toString());
        // Both Lambda functions, each compiled alone (its dependencies are JVM builds), as infra/ expects them.
        List<String> modules = new ArrayList<>();
        nativeWorkflow.path("jobs").path("lambda-native").path("strategy").path("matrix").path("module")
                .forEach(module -> modules.add(module.asText()));
        assertEquals(List.of("lambda", "lambda-remote"), modules);
        assertTrue(runs.contains("./mvnw -B -pl ${{ matrix.module }} -am install -DskipTests"), runs.toString());
        assertTrue(runs.contains("./mvnw -B -pl ${{ matrix.module }} package $NATIVE_FLAGS"), runs.toString());
        assertTrue(usesWith(nativeWorkflow, "actions/upload-artifact@", "path")
                .contains("${{ matrix.module }}/target/function-native.zip"));
    }

    @Test
    void theTableLoopRunsByHandAndDeploysOnlyWhatTheGatePromotes() throws IOException {
        JsonNode loop = read("table-loop.yml");
        assertTrue(loop.path("on").has("workflow_dispatch"), loop.path("on").toString());
        assertEquals(1, loop.path("on").size(), "by hand only: " + loop.path("on"));
        String runs = String.join("\n", runs(loop));
        assertTrue(runs.contains("./tagrouter build-table --from-log logs/ --outcomes logs/ --base-table live.json"),
                runs);
        assertTrue(runs.contains("./tagrouter promote --live live.json --candidate candidate.json"), runs);
        for (JsonNode step : allSteps(loop)) {
            String name = step.path("name").asText();
            if (name.equals("Bundle the candidate") || name.equals("Deploy")) {
                assertTrue(step.path("if").asText().contains("steps.gate.outputs.verdict == 'promote'"), name);
            }
        }
    }

    private static JsonNode read(String name) throws IOException {
        return YAML.readTree(WORKFLOWS.resolve(name).toFile());
    }

    private static List<JsonNode> allSteps(JsonNode workflow) {
        List<JsonNode> steps = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
        return steps;
    }

    private static List<String> runs(JsonNode workflow) {
        return allSteps(workflow).stream().filter(step -> step.has("run"))
                .map(step -> step.path("run").asText().trim()).toList();
    }

    /** The given {@code with:} input of every step using an action whose reference starts with the prefix. */
    private static List<String> usesWith(JsonNode workflow, String actionPrefix, String input) {
        return allSteps(workflow).stream()
                .filter(step -> step.path("uses").asText("").startsWith(actionPrefix))
                .map(step -> step.path("with").path(input).asText())
                .toList();
    }
}
