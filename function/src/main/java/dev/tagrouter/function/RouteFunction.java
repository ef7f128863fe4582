package dev.tagrouter.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The {@code route} function, the same on every binding: a request in, a routing decision out. */
public class RouteFunction {

    @Inject
    RouteService service;

    @Inject
    GatewayService gateway;

    /**
     * The body arrives as a JSON tree so that wrong types get a field-level error from the parser on every binding.
     * An object with an {@code endpoint} field is a gateway envelope around a provider body (see
     * {@link GatewayService#decide(JsonNode)}) and gets {@code {"headers", "body"}}; anything else is a route request.
     */
    @Funq("route")
    public Object route(JsonNode request) {
        if (request != null && request.isObject() && request.has("endpoint")) {
            return gateway.decide(request);
        }
        return service.route(request);
    }
}
