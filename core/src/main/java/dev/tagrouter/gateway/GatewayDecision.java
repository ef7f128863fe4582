package dev.tagrouter.gateway;

import dev.tagrouter.capability.Requirements;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;

/** A provider body's routing: the request it was read as, what it requires, and the decision. */
public record GatewayDecision(RouteRequest request, Requirements requirements, RouteDecision decision) {
}
