package dev.tagrouter.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.routing.RouteDecision;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The {@code route} function, the same on every binding: a request in, a routing decision out. */
public class RouteFunction {

    @Inject
    RouteService service;

    // The body arrives as a JSON tree so that wrong types get a field-level error from the parser on every binding.
    @Funq("route")
    public RouteDecision route(JsonNode request) {
        return service.route(request);
    }
}
