package dev.tagrouter.infra;

import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

import java.util.List;

/**
 * API Gateway HTTP API in front of the HTTP app function, with only the public routes.
 *
 * <p>Health (/q/health) and OpenAPI stay private: the adapter reaches them on localhost, the internet does not.
 */
public final class RouteHttpApi extends Construct {

    /** Method and path of each public route; everything else gets API Gateway's 404. */
    public static final List<String> ROUTE_KEYS = List.of(
            "POST /route", "POST /v1/route", "POST /v1/route/chat/completions", "POST /v1/route/messages",
            "POST /v1/route/responses", "POST /v1/outcomes", "GET /v1/models", "GET /v1/table");

    private final HttpApi api;

    public RouteHttpApi(Construct scope, String id, IFunction httpAppFunction) {
        super(scope, id);
        api = HttpApi.Builder.create(this, "Api")
                .apiName("tagrouter")
                .description("tagrouter routing decisions over HTTP")
                .build();
        // One integration for all routes: payload format 2.0, which the Web Adapter understands.
        HttpLambdaIntegration integration = new HttpLambdaIntegration("HttpApp", httpAppFunction);
        for (String routeKey : ROUTE_KEYS) {
            String[] methodAndPath = routeKey.split(" ", 2);
            api.addRoutes(AddRoutesOptions.builder()
                    .methods(List.of(HttpMethod.valueOf(methodAndPath[0])))
                    .path(methodAndPath[1])
                    .integration(integration)
                    .build());
        }
    }

    public HttpApi api() {
        return api;
    }
}
