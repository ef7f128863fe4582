package dev.tagrouter.infra;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every knob of the stack, read from CDK context ({@code -c key=value} or {@code cdk.json}) with defaults.
 *
 * <p>Relative paths are resolved against {@code baseDir}, which is the directory {@code cdk} runs in
 * ({@code infra/}), so the defaults point at the other modules' {@code target/} folders.
 */
public record DeploymentSettings(
        Set<RuntimeVariant> variants,
        boolean httpApi,
        String architecture,
        int javaVersion,
        int memoryMb,
        int timeoutSeconds,
        int logRetentionDays,
        String javaToolOptions,
        Path jvmCodePath,
        Path nativeCodePath,
        Path httpAppDir,
        int webAdapterLayerVersion,
        String secretName,
        boolean createSecret,
        String aotCache,
        Map<String, String> routerEnvironment) {

    /** Flags for a short-lived JVM: C1 only, which starts faster; the Lambda does little JIT-worthy work. */
    public static final String DEFAULT_JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** Prefix of context keys copied verbatim into the functions' environment (Quarkus reads them as tagrouter.*). */
    public static final String ROUTER_ENV_PREFIX = "TAGROUTER_";

    /** tagrouter.tagger.remote.url in the environment: set, the router tags through a remote tagger. */
    public static final String REMOTE_TAGGER_URL_VARIABLE = "TAGROUTER_TAGGER_REMOTE_URL";

    /** The Lambda module whose function.zip has no remote tagger (the default build's, the smallest). */
    public static final String LEAN_LAMBDA_MODULE = "lambda";

    /** The Lambda module whose function.zip has the remote tagger, for a router configured with one. */
    public static final String REMOTE_LAMBDA_MODULE = "lambda-remote";

    public DeploymentSettings {
        variants = Set.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("at least one runtime variant must be deployed");
        }
        if (!architecture.equals("arm64") && !architecture.equals("x86_64")) {
            throw new IllegalArgumentException("architecture must be arm64 or x86_64, got '" + architecture + "'");
        }
        if (javaVersion != 21 && javaVersion != 25) {
            throw new IllegalArgumentException("javaVersion must be 21 or 25 (Lambda runtimes with SnapStart), got "
                    + javaVersion);
        }
        // Lambda's own limits; failing here beats a CloudFormation rollback minutes later.
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("memoryMb must be within 128..10240, got " + memoryMb);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("timeoutSeconds must be within 1..900, got " + timeoutSeconds);
        }
        Objects.requireNonNull(secretName, "secretName");
        Objects.requireNonNull(aotCache, "aotCache");
        // The JDK 25 AOT cache: Java 21 has no -XX:AOTCache, and the file must be inside the function's code.
        if (!aotCache.isEmpty() && javaVersion != 25) {
            throw new IllegalArgumentException("aotCache needs javaVersion 25 (JDK 25's -XX:AOTCache), got javaVersion "
                    + javaVersion);
        }
        if (!aotCache.isEmpty() && (!aotCache.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || aotCache.contains(".."))) {
            throw new IllegalArgumentException("aotCache must be a relative path inside function.zip, got '" + aotCache
                    + "'");
        }
        routerEnvironment = Map.copyOf(routerEnvironment);
        routerEnvironment.keySet().forEach(DeploymentSettings::requireRouterKey);
        // The secret holds the remote tagger's key; without a remote tagger nothing would read it.
        if (createSecret && !remoteTaggerConfigured(routerEnvironment)) {
            throw new IllegalArgumentException("createSecret needs a remote tagger: set " + REMOTE_TAGGER_URL_VARIABLE
                    + " (the secret holds its API key), or leave createSecret unset");
        }
    }

    /** Reads the settings from a context map; absent keys take the defaults documented in infra/README.md. */
    public static DeploymentSettings fromContext(Map<String, ?> context, Path baseDir) {
        ContextReader reader = new ContextReader(context);
        Map<String, String> routerEnvironment = new TreeMap<>();
        context.forEach((key, value) -> {
            if (key.startsWith(ROUTER_ENV_PREFIX) && value != null) {
                routerEnvironment.put(key, String.valueOf(value));
            }
        });
        // The default code is the function that matches the configuration: the lean one needs no remote tagger.
        String module = lambdaModule(routerEnvironment);
        return new DeploymentSettings(
                RuntimeVariant.parse(reader.string("variant", "jvm")),
                reader.bool("httpApi", true),
                reader.string("architecture", "arm64").toLowerCase(Locale.ROOT),
                reader.integer("javaVersion", 21),
                reader.integer("memoryMb", 512),
                reader.integer("timeoutSeconds", 10),
                reader.integer("logRetentionDays", 14),
                reader.string("javaToolOptions", DEFAULT_JAVA_TOOL_OPTIONS),
                baseDir.resolve(reader.string("jvmCodePath", "../" + module + "/target/function.zip")).normalize(),
                // The native build writes function.zip too; keep it under another name so both can be deployed.
                baseDir.resolve(reader.string("nativeCodePath", "../" + module + "/target/function-native.zip"))
                        .normalize(),
                baseDir.resolve(reader.string("httpAppDir", "../http/target/quarkus-app")).normalize(),
                reader.integer("webAdapterLayerVersion", 26),
                reader.string("secretName", "tagrouter/tagger-api-key"),
                reader.bool("createSecret", false),
                reader.string("aotCache", ""),
                routerEnvironment);
    }

    /**
     * Whether the router is configured with a remote tagger ({@value #REMOTE_TAGGER_URL_VARIABLE} set and not blank,
     * which is when Quarkus sees tagrouter.tagger.remote.url): then the route function needs the lambda-remote
     * artifact, and the functions read the tagger's API key from the secret.
     */
    public boolean remoteTaggerConfigured() {
        return remoteTaggerConfigured(routerEnvironment);
    }

    /** The Lambda module whose function.zip matches the configuration. */
    public String lambdaModule() {
        return lambdaModule(routerEnvironment);
    }

    private static boolean remoteTaggerConfigured(Map<String, String> routerEnvironment) {
        String url = routerEnvironment.get(REMOTE_TAGGER_URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    private static String lambdaModule(Map<String, String> routerEnvironment) {
        return remoteTaggerConfigured(routerEnvironment) ? REMOTE_LAMBDA_MODULE : LEAN_LAMBDA_MODULE;
    }

    /**
     * {@code JAVA_TOOL_OPTIONS} of the JVM route function: the start-up flags, plus {@code -XX:AOTCache} on the file
     * in its code ({@code /var/task}) when {@code aotCache} is set.
     */
    public String routeFunctionJavaToolOptions() {
        return aotCache.isEmpty() ? javaToolOptions : javaToolOptions + " -XX:AOTCache=/var/task/" + aotCache;
    }

    private static void requireRouterKey(String key) {
        if (!key.startsWith(ROUTER_ENV_PREFIX)) {
            throw new IllegalArgumentException("router environment keys must start with " + ROUTER_ENV_PREFIX
                    + ", got " + key);
        }
    }

    /** Typed access to context values, which arrive as strings from -c and as JSON values from cdk.json. */
    private record ContextReader(Map<String, ?> context) {

        String string(String key, String fallback) {
            Object value = context.get(key);
            return value == null ? fallback : String.valueOf(value);
        }

        int integer(String key, int fallback) {
            String value = string(key, null);
            if (value == null) {
                return fallback;
            }
            try {
                // JSON numbers may come back as doubles (512.0) through jsii.
                double number = Double.parseDouble(value);
                if (number != Math.rint(number)) {
                    throw new NumberFormatException();
                }
                return (int) number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("context " + key + " must be a whole number, got '" + value + "'");
            }
        }

        boolean bool(String key, boolean fallback) {
            String value = string(key, null);
            if (value == null) {
                return fallback;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(
                        "context " + key + " must be true or false, got '" + value + "'");
            };
        }
    }
}
