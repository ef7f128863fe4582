package dev.tagrouter.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Environment variables every tagrouter function gets: router settings, plus where the remote tagger's key lives when
 * one is configured.
 */
final class RouterEnvironment {

    /** tagrouter.tagger.remote.api-key-secret-arn: the remote tagger reads its API key from it at start-up (the key
     * itself never enters the template). */
    static final String SECRET_ARN_VARIABLE = "TAGROUTER_TAGGER_REMOTE_API_KEY_SECRET_ARN";

    private RouterEnvironment() {
    }

    static Map<String, String> of(DeploymentSettings settings, Optional<TaggerApiKeySecret> secret) {
        Map<String, String> environment = new LinkedHashMap<>(settings.routerEnvironment());
        secret.ifPresent(key -> environment.put(SECRET_ARN_VARIABLE, key.arnForEnvironment()));
        return environment;
    }

    /** The JVM functions also get the start-up flags. */
    static Map<String, String> forJvm(DeploymentSettings settings, Optional<TaggerApiKeySecret> secret) {
        Map<String, String> environment = of(settings, secret);
        environment.put("JAVA_TOOL_OPTIONS", settings.javaToolOptions());
        return environment;
    }

    /** The JVM route function: its flags may name an AOT cache shipped in function.zip. */
    static Map<String, String> forJvmRouteFunction(DeploymentSettings settings, Optional<TaggerApiKeySecret> secret) {
        Map<String, String> environment = forJvm(settings, secret);
        environment.put("JAVA_TOOL_OPTIONS", settings.routeFunctionJavaToolOptions());
        return environment;
    }
}
