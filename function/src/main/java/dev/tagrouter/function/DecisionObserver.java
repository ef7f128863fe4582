package dev.tagrouter.function;

import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;

/**
 * Hears about every decision the service makes, on every binding (metrics, decision logs). Implementations are CDI
 * beans; they run on the request thread after the decision, so they must be quick and must not throw.
 */
public interface DecisionObserver {

    void onDecision(RouteRequest request, RouteDecision decision);
}
