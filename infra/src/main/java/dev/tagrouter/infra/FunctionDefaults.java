package dev.tagrouter.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Function;

import java.util.Map;

/** The settings every tagrouter function shares: architecture, memory, timeout, environment, role and log group. */
final class FunctionDefaults {

    private FunctionDefaults() {
    }

    static Function.Builder apply(Function.Builder builder, DeploymentSettings settings,
                                  FunctionRoleAndLogs roleAndLogs, Map<String, String> environment) {
        return builder
                .architecture(Architectures.of(settings))
                .memorySize(settings.memoryMb())
                .timeout(Duration.seconds(settings.timeoutSeconds()))
                .environment(environment)
                .role(roleAndLogs.role())
                .logGroup(roleAndLogs.logGroup());
    }
}
