package dev.tagrouter.infra;

import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.constructs.Construct;

/**
 * The Funqy {@code route} function on the managed Java runtime, for direct invocation with a JSON event.
 *
 * <p>SnapStart only applies to published versions, so callers must invoke the {@code live} alias, not $LATEST.
 */
public final class JvmRouteFunction extends Construct {

    /**
     * Funqy's Amazon Lambda binding, not Quarkus's plain {@code QuarkusStreamHandler}: it is what
     * quarkus-funqy-amazon-lambda-deployment 3.34.2 writes into its generated sam.jvm.yaml and manage.sh.
     */
    public static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    public static final String ALIAS_NAME = "live";

    private final Function function;
    private final Alias alias;

    public JvmRouteFunction(Construct scope, String id, DeploymentSettings settings, TaggerApiKeySecret secret) {
        super(scope, id);
        FunctionRoleAndLogs roleAndLogs = new FunctionRoleAndLogs(this, "Access", settings.logRetentionDays(), secret);
        function = FunctionDefaults.apply(Function.Builder.create(this, "Function"), settings, roleAndLogs,
                        RouterEnvironment.forJvm(settings, secret))
                .description("tagrouter route (JVM, Funqy Lambda, SnapStart)")
                .runtime(settings.javaVersion() == 25 ? Runtime.JAVA_25 : Runtime.JAVA_21)
                .handler(HANDLER)
                .code(Code.fromAsset(Assets.existingFile(settings.jvmCodePath(), "JVM function",
                        "./mvnw -pl lambda -am package", "jvmCodePath")))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        // currentVersion publishes a new version whenever code or configuration changes, which is when
        // SnapStart takes a new snapshot.
        alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .build();
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }
}
