package dev.tagrouter.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The {@code route} function, the same on every binding: a request in, a routing decision out. */
public class RouteFunction {

    private static final Logger LOG = Logger.getLogger(RouteFunction.class);

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
        try {
            if (request != null && request.isObject() && request.has("endpoint")) {
                return gateway.decide(request);
            }
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
