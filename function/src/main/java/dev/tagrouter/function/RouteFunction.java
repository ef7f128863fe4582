package dev.tagrouter.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteException;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The {@code route} function, the same on every binding: a request in, a routing decision out. */
public class RouteFunction {

    private static final Logger LOG = Logger.getLogger(RouteFunction.class);

    @Inject
    RouteService service;

    // The body arrives as a JSON tree so that wrong types get a field-level error from the parser on every binding.
    @Funq("route")
    public RouteDecision route(JsonNode request) {
        try {
            return service.route(request);
        } catch (RouteException e) {
            // The caller's mistake: not an ERROR, and its message names the field, never the request's text.
            LOG.debugf("refused: %s", e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.error("unexpected failure while routing a request (the request is not logged)", e);
            throw new RouteException(ErrorCode.INTERNAL_ERROR, "An internal error occurred; it has been logged.");
        }
    }
}
