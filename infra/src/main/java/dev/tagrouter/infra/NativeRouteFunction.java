package dev.tagrouter.infra;

import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

import java.util.Map;
import java.util.Optional;

/**
 * The Funqy {@code route} function compiled to a native executable, on the OS-only runtime provided.al2023: the
 * lambda module's, or lambda-remote's when a remote tagger is configured (native.yml builds both).
 */
public final class NativeRouteFunction extends Construct {

    /** The custom runtime runs function.zip's {@code bootstrap}; Lambda still requires a handler string. */
    public static final String HANDLER = "not.used.in.provided.runtime";

    private final Function function;

    public NativeRouteFunction(Construct scope, String id, DeploymentSettings settings,
                               Optional<TaggerApiKeySecret> secret) {
        super(scope, id);
        FunctionRoleAndLogs roleAndLogs = new FunctionRoleAndLogs(this, "Access", settings.logRetentionDays(), secret);
        Map<String, String> environment = RouterEnvironment.of(settings, secret);
        // Lambda's runtime sends signals the native image would otherwise try to handle itself.
        environment.put("DISABLE_SIGNAL_HANDLERS", "true");
        function = FunctionDefaults.apply(Function.Builder.create(this, "Function"), settings, roleAndLogs,
                        environment)
                .description("tagrouter route (native, Funqy Lambda)")
                .runtime(Runtime.PROVIDED_AL2023)
                .handler(HANDLER)
                .code(Code.fromAsset(Assets.existingFile(settings.nativeCodePath(), "native function",
                        "./mvnw -pl " + settings.lambdaModule() + " -am package -Dnative"
                                + " -Dquarkus.native.container-build=true, then copy " + settings.lambdaModule()
                                + "/target/function.zip to function-native.zip",
                        "nativeCodePath")))
                .build();
    }

    public Function function() {
        return function;
    }
}
