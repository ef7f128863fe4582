package dev.tagrouter.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.api.JsonBodyReader;
import dev.tagrouter.api.RouteRequestParser;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.routing.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Parses a request body, gives it an id unless the caller sent one, routes it, and tells the decision observers: the
 * one path every binding takes.
 */
@ApplicationScoped
public class RouteService {

    private final RouteRequestParser parser = new RouteRequestParser();
    private final JsonBodyReader reader = new JsonBodyReader();

    @Inject
    Router router;

    @Inject
    Instance<DecisionObserver> observers;

    @Inject
    UnobservedRouting unobserved;

    /** Routes a raw JSON body; malformed JSON, including invalid UTF-8 or trailing content, is MALFORMED_JSON. */
    public RouteDecision route(byte[] body) {
        return route(read(body));
    }

    /** Parses a raw JSON body strictly (the shared reader); an empty body is null. */
    public JsonNode read(byte[] body) {
        return reader.read(body);
    }

    public RouteDecision route(JsonNode body) {
        RouteRequest request = parser.parse(body);
        if (request.requestId() == null) {
            request = request.withRequestId(UUID.randomUUID().toString());
        }
        RouteDecision decision = router.route(request);
        observe(request, decision);
        return decision;
    }

    /** Tells every decision observer (metrics, decision log) about one decision, unless it is a warm-up's. */
    public void observe(RouteRequest request, RouteDecision decision) {
        if (!unobserved.observing()) {
            return;
        }
        for (DecisionObserver observer : observers) {
            observer.onDecision(request, decision);
        }
    }

    public Router router() {
        return router;
    }
}
