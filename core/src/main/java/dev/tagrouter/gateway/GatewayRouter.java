package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.cost.CostEstimate;
import dev.tagrouter.decision.DecisionReason;
import dev.tagrouter.decision.Reason;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteException;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.TurnHistory;
import dev.tagrouter.table.ModelEntry;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routes a provider body as the caller sent it: reads it with its format's extractor, takes the router options from
 * headers, and decides. Its {@code model} says what to do: a route alias ({@code auto}) routes, a model of the pool
 * passes through, anything else is refused. A pinned conversation, or a turn that continues a tool loop, stays on
 * the model of the previous turn when that model can serve it. The previous model's prompt cache lowers its estimate
 * (and so can win the decision), and the user's earlier turns add their tags below the routed turn's.
 */
public final class GatewayRouter {

    private final Router router;
    private final Set<String> routeAliases;

    /** @param routeAliases values of {@code model} that ask to route (compared without case) */
    public GatewayRouter(Router router, Set<String> routeAliases) {
        this.router = router;
        this.routeAliases = routeAliases.stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public GatewayDecision route(ProviderFormat format, JsonNode body, RouterHeaders options) {
        ProviderRequest read = format.extractor().extract(body);
        boolean passThrough = passThrough(read.model());
        String previous = options.previousModel();
        if (previous != null) {
            requireInPool(RouterHeaders.PREVIOUS_MODEL, previous);
        }
        RouteRequest request = new RouteRequest(read.query(), read.context(), options.candidates(), options.exclude(),
                options.maxCostUsd(), options.costPreference(), options.sessionId(), options.requestId(), null);
        RouteDecision decision = router.route(request, read.requirements(),
                new TurnHistory(previous, read.cachedPrefix(), read.earlierQueries()));
        if (passThrough) {
            decision = lead(decision, read, read.model(), new Reason(DecisionReason.PASS_THROUGH, "The body names "
                    + read.model() + ", a model of the pool, so it is passed through; the fallbacks follow the"
                    + " router's ranking."));
        } else if (previous != null && canServe(decision, previous)) {
            if (options.pin()) {
                decision = lead(decision, read, previous, new Reason(DecisionReason.PINNED, "The conversation is"
                        + " pinned to " + previous + ", the model of its previous turn."));
            } else if (read.continuesToolLoop()) {
                decision = lead(decision, read, previous, new Reason(DecisionReason.TOOL_LOOP, "The turn continues a"
                        + " tool loop, so it stays on " + previous + ", which made the call (its prompt cache"
                        + " stays warm); the router would have chosen " + decision.model() + "."));
            }
        }
        return new GatewayDecision(request, read.requirements(), decision);
    }

    private boolean passThrough(String model) {
        if (model == null || routeAliases.contains(model.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (router.table().modelIndex(model) >= 0) {
            return true;
        }
        throw new RouteException(ErrorCode.UNKNOWN_MODEL, "Field 'model' is '" + abbreviate(model) + "', which is"
                + " neither a route alias " + routeAliases.stream().sorted().toList() + " nor a model of the pool "
                + pool() + ".");
    }

    private void requireInPool(String header, String model) {
        if (router.table().modelIndex(model) < 0) {
            throw new RouteException(ErrorCode.UNKNOWN_MODEL, "Header '" + header + "' names '" + abbreviate(model)
                    + "', which is not a model of the pool " + pool() + ".");
        }
    }

    // Stickiness never sends a request to a model it was filtered from (unfit, excluded, over the cost cap).
    private static boolean canServe(RouteDecision decision, String model) {
        return decision.models().stream().anyMatch(m -> m.model().equals(model));
    }

    private RouteDecision lead(RouteDecision decision, ProviderRequest read, String model, Reason why) {
        if (decision.model().equals(model) && why.code() != DecisionReason.PASS_THROUGH) {
            return decision; // the router chose it anyway: its own reason says more
        }
        CostEstimate cost = router.estimate(model, decision.inputTokens(), read.requirements(),
                decision.promptCache());
        return decision.ledBy(model, cost, why);
    }

    private java.util.List<String> pool() {
        return router.table().table().models().stream().map(ModelEntry::name).toList();
    }

    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
