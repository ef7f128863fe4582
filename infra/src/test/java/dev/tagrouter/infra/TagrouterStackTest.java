package dev.tagrouter.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synthesised template has the functions, API, permissions and retention the deployment relies on. */
class TagrouterStackTest {

    private static final String SECRET_NAME = "tagrouter/tagger-api-key";
    private static final String REMOTE_URL = "https://tagger.internal.example/v1";

    @TempDir
    static Path buildDir;

    static BuildOutputs outputs;
    /** Defaults apart from the asset paths and one router setting: JVM variant, no remote tagger, HTTP API. */
    static Template jvmOnly;
    /** The same with a remote tagger, whose key is in an imported secret. */
    static Template remote;
    /** Both variants, a remote tagger with a created secret, x86_64, non-default memory, timeout and retention. */
    static Template both;

    @BeforeAll
    static void synthesise() throws IOException {
        outputs = new BuildOutputs(buildDir);
        jvmOnly = Templates.synth(outputs.settings(Map.of("TAGROUTER_COST_PREFERENCE", "balanced")));
        remote = Templates.synth(outputs.settings(Map.of("TAGROUTER_COST_PREFERENCE", "balanced",
                "TAGROUTER_TAGGER_REMOTE_URL", REMOTE_URL)));
        both = Templates.synth(outputs.settings(Map.of(
                "variant", "both", "architecture", "x86_64", "memoryMb", "1024", "timeoutSeconds", "20",
                "logRetentionDays", "30", "createSecret", "true", "TAGROUTER_TAGGER_REMOTE_URL", REMOTE_URL)));
    }

    @Test
    void jvmFunctionRunsFunqysHandlerOnJava21WithSnapStartAndTheDefaultSizes() {
        jvmOnly.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "java21",
                "Handler", "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest",
                "MemorySize", 512,
                "Timeout", 10,
                "Architectures", List.of("arm64"),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
    }

    @Test
    void jvmFunctionGetsStartupFlagsRouterSettingsAndTheSecretArnWhenATaggerIsConfigured() {
        Map<String, Object> variables = environmentOf(remote, JvmRouteFunction.HANDLER);
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", variables.get("JAVA_TOOL_OPTIONS"));
        assertEquals("balanced", variables.get("TAGROUTER_COST_PREFERENCE"));
        assertEquals(REMOTE_URL, variables.get("TAGROUTER_TAGGER_REMOTE_URL"));
        String secretArn = String.valueOf(variables.get("TAGROUTER_TAGGER_REMOTE_API_KEY_SECRET_ARN"));
        assertTrue(secretArn.contains(":secret:" + SECRET_NAME), secretArn);
    }

    @Test
    void withoutARemoteTaggerNoFunctionGetsTheSecretNorMayReadIt() {
        for (String handler : List.of(JvmRouteFunction.HANDLER, "run.sh")) {
            Map<String, Object> variables = environmentOf(jvmOnly, handler);
            assertEquals("balanced", variables.get("TAGROUTER_COST_PREFERENCE"), handler);
            assertFalse(variables.containsKey("TAGROUTER_TAGGER_REMOTE_API_KEY_SECRET_ARN"), handler + ": " + variables);
        }
        assertEquals(List.of(), statementsMentioning(jvmOnly, "secretsmanager:"));
        jvmOnly.resourceCountIs("AWS::SecretsManager::Secret", 0);
        // The statements of the template with a tagger are found by the same filter, so the empty list means none.
        assertFalse(statementsMentioning(remote, "secretsmanager:").isEmpty());
    }

    @Test
    void onJava25AnAotCacheInTheZipIsMappedByTheRouteFunctionAlongsideSnapStart() {
        Template java25 = Templates.synth(outputs.settings(Map.of("javaVersion", "25", "aotCache", "app.aot")));
        java25.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "java25",
                "Handler", JvmRouteFunction.HANDLER,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:AOTCache=/var/task/app.aot",
                environmentOf(java25, JvmRouteFunction.HANDLER).get("JAVA_TOOL_OPTIONS"));
        // The HTTP app's code is another artifact: the route function's cache is not its cache.
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
                environmentOf(java25, "run.sh").get("JAVA_TOOL_OPTIONS"));
    }

    @Test
    void anAotCacheTheZipLacksIsRefusedAtSynth() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Templates.synth(
                outputs.settings(Map.of("javaVersion", "25", "aotCache", "missing.aot"))));
        assertTrue(failure.getMessage().contains("aotCache missing.aot"), failure.getMessage());
    }

    @Test
    void callersReachASnapStartVersionThroughTheLiveAlias() {
        jvmOnly.resourceCountIs("AWS::Lambda::Version", 1);
        jvmOnly.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", "live",
                "FunctionVersion", Match.objectLike(Map.of("Fn::GetAtt", Match.anyValue()))));
    }

    @Test
    void jvmVariantAloneDeploysNoNativeFunction() {
        assertTrue(functionsByHandler(jvmOnly).keySet().stream()
                .noneMatch(NativeRouteFunction.HANDLER::equals));
    }

    @Test
    void nativeFunctionRunsOnProvidedAl2023WithoutSignalHandlers() {
        both.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "provided.al2023",
                "Handler", "not.used.in.provided.runtime",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("DISABLE_SIGNAL_HANDLERS", "true")))));
        Map<String, Object> nativeFunction = functionsByHandler(both).get(NativeRouteFunction.HANDLER);
        assertFalse(nativeFunction.containsKey("SnapStart"), "SnapStart exists only for managed Java runtimes");
    }

    @Test
    void parametersReachEveryFunction() {
        Map<String, Map<String, Object>> functions = functionsByHandler(both);
        assertEquals(3, functions.size(), "JVM, native and HTTP app functions");
        for (Map<String, Object> function : functions.values()) {
            assertEquals(1024, ((Number) function.get("MemorySize")).intValue());
            assertEquals(20, ((Number) function.get("Timeout")).intValue());
            assertEquals(List.of("x86_64"), function.get("Architectures"));
        }
    }

    @Test
    void httpApiRoutesThePublicPathsToTheWebAdapterFunctionOnly() {
        jvmOnly.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("ProtocolType", "HTTP"));
        List<String> routeKeys = Templates.properties(jvmOnly, "AWS::ApiGatewayV2::Route").values().stream()
                .map(route -> String.valueOf(route.get("RouteKey"))).sorted().toList();
        assertEquals(List.of("GET /v1/models", "GET /v1/table", "POST /route", "POST /v1/outcomes", "POST /v1/route",
                "POST /v1/route/chat/completions", "POST /v1/route/messages", "POST /v1/route/responses"), routeKeys);
        jvmOnly.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of(
                "IntegrationType", "AWS_PROXY", "PayloadFormatVersion", "2.0"));
    }

    @Test
    void httpAppFunctionStartsTheFastJarThroughTheWebAdapterLayer() {
        Map<String, Object> httpApp = functionsByHandler(jvmOnly).get("run.sh");
        String layers = String.valueOf(httpApp.get("Layers"));
        assertTrue(layers.contains(":753240598075:layer:LambdaAdapterLayerArm64:26"), layers);
        Map<String, Object> variables = environmentOf(jvmOnly, "run.sh");
        assertEquals("/opt/bootstrap", variables.get("AWS_LAMBDA_EXEC_WRAPPER"));
        assertEquals("/q/health/ready", variables.get("AWS_LWA_READINESS_CHECK_PATH"));
        assertTrue(String.valueOf(functionsByHandler(both).get("run.sh").get("Layers"))
                .contains("LambdaAdapterLayerX86:26"), "x86_64 functions need the X86 layer");
    }

    @Test
    void httpApiCanBeLeftOut() {
        Template withoutApi = Templates.synth(outputs.settings(Map.of("httpApi", "false")));
        withoutApi.resourceCountIs("AWS::ApiGatewayV2::Api", 0);
        withoutApi.resourceCountIs("AWS::Lambda::Function", 1);
    }

    @Test
    void importedSecretIsTheOnlySecretResourceAndOnlyGetSecretValueIsAllowed() {
        List<Map<String, Object>> secretStatements = statementsMentioning(remote, "secretsmanager:");
        assertEquals(2, secretStatements.size(), "one per function role: JVM route and HTTP app");
        for (Map<String, Object> statement : secretStatements) {
            assertEquals(List.of("secretsmanager:GetSecretValue"), Templates.asList(statement.get("Action")));
            List<Object> resources = Templates.asList(statement.get("Resource"));
            assertEquals(1, resources.size(), resources.toString());
            String resource = resources.get(0).toString();
            assertTrue(resource.endsWith(":secret:" + SECRET_NAME + "-??????]]}"), resource);
        }
    }

    @Test
    void createdSecretIsGrantedByItsOwnArn() {
        Map<String, Map<String, Object>> secrets = Templates.properties(both, "AWS::SecretsManager::Secret");
        assertEquals(1, secrets.size());
        String secretId = secrets.keySet().iterator().next();
        for (Map<String, Object> statement : statementsMentioning(both, "secretsmanager:")) {
            assertEquals(List.of(Map.of("Ref", secretId)), Templates.asList(statement.get("Resource")));
        }
    }

    @Test
    void noPolicyGrantsAnythingOnEveryResourceAndNoRoleUsesManagedPolicies() {
        for (Template template : List.of(jvmOnly, remote, both)) {
            for (Map<String, Object> statement : Templates.policyStatements(template)) {
                assertFalse(Templates.asList(statement.get("Resource")).contains("*"), statement.toString());
            }
            Templates.properties(template, "AWS::IAM::Role").forEach((id, role) ->
                    assertFalse(role.containsKey("ManagedPolicyArns"), id + " uses a managed policy"));
        }
    }

    @Test
    void functionsWriteOnlyToTheirOwnLogGroupsWhichExpire() {
        Map<String, Map<String, Object>> logGroups = Templates.properties(both, "AWS::Logs::LogGroup");
        assertEquals(3, logGroups.size());
        logGroups.values().forEach(group -> assertEquals(30, ((Number) group.get("RetentionInDays")).intValue()));
        Templates.properties(jvmOnly, "AWS::Logs::LogGroup").values()
                .forEach(group -> assertEquals(14, ((Number) group.get("RetentionInDays")).intValue()));
        for (Map<String, Object> statement : statementsMentioning(both, "logs:")) {
            String resource = Templates.asList(statement.get("Resource")).toString();
            assertTrue(logGroups.keySet().stream().anyMatch(resource::contains), resource);
        }
        for (Map<String, Object> function : functionsByHandler(both).values()) {
            String loggingConfig = String.valueOf(function.get("LoggingConfig"));
            assertTrue(logGroups.keySet().stream().anyMatch(loggingConfig::contains), loggingConfig);
        }
    }

    @Test
    void missingFunctionZipNamesTheBuildCommandAndTheContextKey() {
        DeploymentSettings settings = outputs.settings(Map.of(
                "jvmCodePath", buildDir.resolve("nowhere/function.zip").toString()));
        Exception failure = assertThrows(Assets.MissingBuildOutputException.class, () -> Templates.synth(settings));
        assertTrue(failure.getMessage().contains("jvmCodePath"), failure.getMessage());
        assertTrue(failure.getMessage().contains("./mvnw -pl lambda -am package"), failure.getMessage());

        DeploymentSettings withTagger = outputs.settings(Map.of("TAGROUTER_TAGGER_REMOTE_URL", REMOTE_URL,
                "jvmCodePath", buildDir.resolve("nowhere/function.zip").toString()));
        failure = assertThrows(Assets.MissingBuildOutputException.class, () -> Templates.synth(withTagger));
        assertTrue(failure.getMessage().contains("./mvnw -pl lambda-remote -am package"), failure.getMessage());
    }

    private static Map<String, Map<String, Object>> functionsByHandler(Template template) {
        return Templates.properties(template, "AWS::Lambda::Function").values().stream()
                .collect(Collectors.toMap(function -> Objects.toString(function.get("Handler")), function -> function));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environmentOf(Template template, String handler) {
        Map<String, Object> environment = (Map<String, Object>) functionsByHandler(template).get(handler)
                .get("Environment");
        return (Map<String, Object>) environment.get("Variables");
    }

    private static List<Map<String, Object>> statementsMentioning(Template template, String actionPrefix) {
        return Templates.policyStatements(template).stream()
                .filter(statement -> Templates.asList(statement.get("Action")).stream()
                        .anyMatch(action -> String.valueOf(action).startsWith(actionPrefix)))
                .toList();
    }
}
