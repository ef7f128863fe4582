package dev.tagrouter.infra;

import software.amazon.awscdk.AssetHashType;
import software.amazon.awscdk.BundlingOptions;
import software.amazon.awscdk.DockerImage;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The http module's Quarkus app (Funqy HTTP {@code /route}, REST {@code /v1/*}) behind the AWS Lambda Web Adapter.
 *
 * <p>API Gateway sends HTTP API events, which the Funqy Lambda binding cannot read (it deserialises the whole
 * event as the function's input). The adapter, a Lambda extension, turns each event into a plain HTTP request
 * to the app on localhost, so the HTTP API serves exactly the app that the HTTP tests cover.
 * No SnapStart here: the snapshot would freeze the app's open listening socket and the adapter's connection,
 * which we have not tested.
 */
public final class HttpAppFunction extends Construct {

    /** Account that publishes the Web Adapter layers in every commercial region. */
    static final String WEB_ADAPTER_ACCOUNT = "753240598075";

    private final Function function;

    public HttpAppFunction(Construct scope, String id, DeploymentSettings settings,
                           Optional<TaggerApiKeySecret> secret) {
        super(scope, id);
        FunctionRoleAndLogs roleAndLogs = new FunctionRoleAndLogs(this, "Access", settings.logRetentionDays(), secret);
        Map<String, String> environment = RouterEnvironment.forJvm(settings, secret);
        // The layer's wrapper starts the adapter and then the handler script instead of the Java runtime client.
        environment.put("AWS_LAMBDA_EXEC_WRAPPER", "/opt/bootstrap");
        environment.put("AWS_LWA_PORT", "8080");
        environment.put("AWS_LWA_READINESS_CHECK_PATH", "/q/health/ready");
        function = FunctionDefaults.apply(Function.Builder.create(this, "Function"), settings, roleAndLogs,
                        environment)
                .description("tagrouter HTTP app (Quarkus fast-jar behind Lambda Web Adapter)")
                .runtime(settings.javaVersion() == 25 ? Runtime.JAVA_25 : Runtime.JAVA_21)
                .handler(QuarkusAppWithRunScript.SCRIPT_NAME)
                .code(Code.fromAsset(appDirectory(settings).toString(), bundledWithRunScript(settings)))
                .layers(List.of(webAdapterLayer(settings)))
                .build();
    }

    public Function function() {
        return function;
    }

    private static java.nio.file.Path appDirectory(DeploymentSettings settings) {
        return Assets.existingDirectory(settings.httpAppDir(), "HTTP app (Quarkus fast-jar directory)",
                "./mvnw -pl http -am package", "httpAppDir");
    }

    private static AssetOptions bundledWithRunScript(DeploymentSettings settings) {
        return AssetOptions.builder()
                // Hash the source directory: stable across synths, changes whenever the app is rebuilt.
                .assetHashType(AssetHashType.SOURCE)
                .bundling(BundlingOptions.builder()
                        // Required by the API, never pulled: local bundling always succeeds or throws.
                        .image(DockerImage.fromRegistry("local-bundling-only"))
                        .local(new QuarkusAppWithRunScript(appDirectory(settings)))
                        .build())
                .build();
    }

    private ILayerVersion webAdapterLayer(DeploymentSettings settings) {
        String arn = "arn:" + Stack.of(this).getPartition() + ":lambda:" + Stack.of(this).getRegion() + ":"
                + WEB_ADAPTER_ACCOUNT + ":layer:LambdaAdapterLayer" + Architectures.webAdapterLayerSuffix(settings)
                + ":" + settings.webAdapterLayerVersion();
        return LayerVersion.fromLayerVersionArn(this, "WebAdapter", arn);
    }
}
