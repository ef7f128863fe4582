package dev.tagrouter.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Entry point that {@code cdk synth} / {@code cdk deploy} run (see cdk.json); settings come from CDK context. */
public final class InfraApp {

    private InfraApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        DeploymentSettings settings = DeploymentSettings.fromContext(contextOf(app), Path.of(""));
        new TagrouterStack(app, app.getNode().tryGetContext("stackName") instanceof String name ? name : "Tagrouter",
                StackProps.builder()
                        // Account and region of the CDK CLI's credentials; unset means an environment-agnostic template.
                        .env(Environment.builder()
                                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                                .region(System.getenv("CDK_DEFAULT_REGION"))
                                .build())
                        .build(),
                settings);
        app.synth();
    }

    /** All context values (cdk.json, cdk.context.json, -c); jsii hands them over as a JSON object. */
    static Map<String, Object> contextOf(App app) {
        Object all = app.getNode().getAllContext();
        Map<String, Object> context = new LinkedHashMap<>();
        if (all instanceof Map<?, ?> map) {
            map.forEach((key, value) -> context.put(String.valueOf(key), value));
        } else if (all != null) {
            throw new IllegalStateException("unexpected context type " + all.getClass());
        }
        return context;
    }
}
