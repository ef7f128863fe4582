package dev.tagrouter.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

import java.util.Optional;

/**
 * The whole deployment: the route function(s) for direct invocation, the HTTP API, logs, and the remote tagger's secret
 * when one is configured.
 */
public final class TagrouterStack extends Stack {

    public TagrouterStack(Construct scope, String id, StackProps props, DeploymentSettings settings) {
        super(scope, id, props);
        // The key of a remote tagger; without one no function reads it, so none is given its ARN or a grant on it.
        Optional<TaggerApiKeySecret> secret = settings.remoteTaggerConfigured()
                ? Optional.of(new TaggerApiKeySecret(this, "TaggerApiKey", settings.secretName(),
                        settings.createSecret()))
                : Optional.empty();

        if (settings.variants().contains(RuntimeVariant.JVM)) {
            JvmRouteFunction jvm = new JvmRouteFunction(this, "JvmRoute", settings, secret);
            output("JvmRouteAliasArn", jvm.alias().getFunctionArn(),
                    "Invoke this (the SnapStart alias) with a JSON route request");
        }
        if (settings.variants().contains(RuntimeVariant.NATIVE)) {
            NativeRouteFunction nativeRoute = new NativeRouteFunction(this, "NativeRoute", settings, secret);
            output("NativeRouteFunctionArn", nativeRoute.function().getFunctionArn(),
                    "Invoke this with a JSON route request");
        }
        if (settings.httpApi()) {
            HttpAppFunction httpApp = new HttpAppFunction(this, "HttpApp", settings, secret);
            RouteHttpApi api = new RouteHttpApi(this, "HttpApi", httpApp.function());
            output("HttpApiUrl", api.api().getApiEndpoint(), "POST {url}/route or {url}/v1/route");
        }
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
