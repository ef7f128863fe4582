package dev.tagrouter.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Context values become settings with the documented defaults, and nonsense is refused before synth. */
class DeploymentSettingsTest {

    private static final Path INFRA = Path.of("/repo/infra");

    @Test
    void defaultsPointAtTheSiblingModulesBuildOutputs() {
        DeploymentSettings settings = DeploymentSettings.fromContext(Map.of(), INFRA);
        assertEquals(Set.of(RuntimeVariant.JVM), settings.variants());
        assertTrue(settings.httpApi());
        assertEquals("arm64", settings.architecture());
        assertEquals(21, settings.javaVersion());
        assertEquals(512, settings.memoryMb());
        assertEquals(10, settings.timeoutSeconds());
        assertEquals(14, settings.logRetentionDays());
        assertEquals(Path.of("/repo/lambda/target/function.zip"), settings.jvmCodePath());
        assertEquals(Path.of("/repo/lambda/target/function-native.zip"), settings.nativeCodePath());
        assertEquals(Path.of("/repo/http/target/quarkus-app"), settings.httpAppDir());
        assertEquals("tagrouter/tagger-api-key", settings.secretName());
        assertFalse(settings.createSecret());
        assertTrue(settings.routerEnvironment().isEmpty());
        assertFalse(settings.remoteTaggerConfigured());
    }

    @Test
    void aRemoteTaggerUrlPicksTheFunctionWithTheRemoteTagger() {
        DeploymentSettings settings = DeploymentSettings.fromContext(Map.of(
                "TAGROUTER_TAGGER_REMOTE_URL", "https://tagger.internal.example/v1"), INFRA);
        assertTrue(settings.remoteTaggerConfigured());
        assertEquals("lambda-remote", settings.lambdaModule());
        assertEquals(Path.of("/repo/lambda-remote/target/function.zip"), settings.jvmCodePath());
        assertEquals(Path.of("/repo/lambda-remote/target/function-native.zip"), settings.nativeCodePath());

        DeploymentSettings blank = DeploymentSettings.fromContext(Map.of("TAGROUTER_TAGGER_REMOTE_URL", " "), INFRA);
        assertFalse(blank.remoteTaggerConfigured(), "Quarkus reads a blank URL as none");
        assertEquals(Path.of("/repo/lambda/target/function.zip"), blank.jvmCodePath());
        assertEquals(Path.of("/repo/lambda/target/function.zip"), DeploymentSettings.fromContext(Map.of(
                "TAGROUTER_TAGGER_MODE", "remote"), INFRA).jvmCodePath(), "a mode without a URL tags with the rules");
    }

    @Test
    void anExplicitCodePathWinsOverTheOneTheConfigurationPicks() {
        DeploymentSettings settings = DeploymentSettings.fromContext(Map.of(
                "TAGROUTER_TAGGER_REMOTE_URL", "https://tagger.internal.example/v1",
                "jvmCodePath", "build/my-function.zip", "nativeCodePath", "build/my-native.zip"), INFRA);
        assertEquals(Path.of("/repo/infra/build/my-function.zip"), settings.jvmCodePath());
        assertEquals(Path.of("/repo/infra/build/my-native.zip"), settings.nativeCodePath());
    }

    @Test
    void stringAndJsonContextValuesAreBothAccepted() {
        DeploymentSettings settings = DeploymentSettings.fromContext(Map.of(
                "variant", "Both", "memoryMb", 1024.0, "timeoutSeconds", "30", "httpApi", false,
                "architecture", "X86_64", "javaVersion", 25), INFRA);
        assertEquals(Set.of(RuntimeVariant.JVM, RuntimeVariant.NATIVE), settings.variants());
        assertEquals(1024, settings.memoryMb());
        assertEquals(30, settings.timeoutSeconds());
        assertFalse(settings.httpApi());
        assertEquals("x86_64", settings.architecture());
        assertEquals(25, settings.javaVersion());
    }

    @Test
    void onlyTagrouterPrefixedKeysBecomeRouterEnvironment() {
        DeploymentSettings settings = DeploymentSettings.fromContext(Map.of(
                "TAGROUTER_COST_PREFERENCE", "balanced", "TAGROUTER_TAGGER_MAX_TAGS", 6, "memoryMb", "256",
                "@aws-cdk/core:someFeatureFlag", true), INFRA);
        assertEquals(Map.of("TAGROUTER_COST_PREFERENCE", "balanced", "TAGROUTER_TAGGER_MAX_TAGS", "6"),
                settings.routerEnvironment());
    }

    @Test
    void valuesLambdaWouldRejectAreRefusedWithTheKeyName() {
        assertRefused(Map.of("variant", "graal"), "variant");
        assertRefused(Map.of("architecture", "riscv"), "architecture");
        assertRefused(Map.of("memoryMb", "64"), "memoryMb");
        assertRefused(Map.of("memoryMb", "512.5"), "memoryMb");
        assertRefused(Map.of("timeoutSeconds", "901"), "timeoutSeconds");
        assertRefused(Map.of("javaVersion", "17"), "javaVersion");
        assertRefused(Map.of("httpApi", "yes"), "httpApi");
        assertRefused(Map.of("aotCache", "app.aot"), "aotCache");
        assertRefused(Map.of("javaVersion", "25", "aotCache", "../app.aot"), "aotCache");
        assertRefused(Map.of("javaVersion", "25", "aotCache", "/var/task/app.aot"), "aotCache");
        assertRefused(Map.of("createSecret", "true"), "createSecret");
    }

    @Test
    void retentionMustBeACloudWatchPeriod() {
        assertEquals(software.amazon.awscdk.services.logs.RetentionDays.ONE_MONTH,
                FunctionRoleAndLogs.retentionFor(30));
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> FunctionRoleAndLogs.retentionFor(10));
        assertTrue(failure.getMessage().contains("logRetentionDays 10"), failure.getMessage());
    }

    @Test
    void contextSetOnARealCdkAppReachesTheSettings() {
        App app = App.Builder.create()
                .context(Map.of("memoryMb", "768", "TAGROUTER_COST_PREFERENCE", "-0.05"))
                .build();
        DeploymentSettings settings = DeploymentSettings.fromContext(InfraApp.contextOf(app), INFRA);
        assertEquals(768, settings.memoryMb());
        assertEquals(Map.of("TAGROUTER_COST_PREFERENCE", "-0.05"), settings.routerEnvironment());
    }

    private static void assertRefused(Map<String, ?> context, String key) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> DeploymentSettings.fromContext(context, INFRA));
        assertTrue(failure.getMessage().contains(key), failure.getMessage());
    }
}
