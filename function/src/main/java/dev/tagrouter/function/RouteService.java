package dev.tagrouter.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.api.RouteRequestParser;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteException;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.routing.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.UUID;

/**
 * Parses a request body, gives it an id unless the caller sent one, routes it, and tells the decision observers: the
 * one path every binding takes.
 */
@ApplicationScoped
public class RouteService {

    private final RouteRequestParser parser = new RouteRequestParser();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    Router router;

    @Inject
    Instance<DecisionObserver> observers;

    /** Routes a raw JSON body; malformed JSON, including an empty or invalid-UTF-8 body, is a MALFORMED_JSON error. */
    public RouteDecision route(byte[] body) {
        return route(read(body));
    }

    /** Parses a raw JSON body; an empty body is null. */
    public JsonNode read(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            // The parser's message quotes the body, which is user data: a fixed sentence instead.
            throw new RouteException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON (or not valid UTF-8).");
        }
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

    /** Tells every decision observer (metrics, decision log) about one decision. */
    public void observe(RouteRequest request, RouteDecision decision) {
        for (DecisionObserver observer : observers) {
            observer.onDecision(request, decision);
        }
    }

    public Router router() {
        return router;
    }
}
