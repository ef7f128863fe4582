package dev.tagrouter.routing;

import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.ExplorationPolicy;
import dev.tagrouter.decision.RoutingPolicy;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.DecisionSettings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a request the live router already answered again with a candidate table, through the same routing policy:
 * the live decision's tags, eligible models, cost estimates and request id (the exploration seed) are reused, so
 * nothing is tagged or counted twice and the answer is never touched.
 */
public final class ShadowRouter {

    private final RoutingPolicy policy;
    private final Optional<CostPreference> configured;

    /**
     * A shadow router over a candidate table, exploring as the live router does.
     *
     * @param configured the service's configured cost preference for requests that send none, if any
     */
    public ShadowRouter(CompiledTable table, Optional<ExplorationPolicy> exploration,
                        Optional<CostPreference> configured) {
        this.policy = RoutingPolicy.of(table, exploration);
        this.configured = configured;
    }

    public CompiledTable table() {
        return policy.table();
    }

    /**
     * The shadow table's decision for a request and the live decision made for it. The request's own cost
     * preference is resolved against the shadow table (a preset by its name there); a request without one gets the
     * configured preference, else the shadow table's default, as it would if that table were live.
     */
    public ShadowDecision decide(RouteRequest request, RouteDecision live) {
        CompiledTable table = policy.table();
        RecentTurnTags.Known known = RecentTurnTags.known(table, live.tags()); // the live tags at their weights

        // The live eligible models are the keys of its probabilities; their costs are on its ranked list.
        Map<String, Double> liveCosts = new LinkedHashMap<>();
        for (RankedModel m : live.models()) {
            liveCosts.put(m.model(), m.estimatedCostUsd());
        }
        int[] models = new int[live.probabilities().size()];
        double[] costs = new double[models.length];
        int n = 0;
        for (String name : live.probabilities().keySet()) {
            int index = table.modelIndex(name);
            Double cost = liveCosts.get(name);
            if (index >= 0 && cost != null) {
                models[n] = index;
                costs[n++] = cost;
            }
        }
        String version = table.table().version();
        String checksum = table.table().checksum();
        if (n == 0) {
            return new ShadowDecision(null, 0, Map.of(), version, checksum);
        }
        RoutingPolicy.Decision decision = policy.decide(known.positions(), known.weights(),
                java.util.Arrays.copyOf(models, n),
                java.util.Arrays.copyOf(costs, n), knob(request.costPreference() != null ? request.costPreference()
                        : configured.orElseGet(() -> CostPreference.tableDefault(table.table().decision())), live,
                        table.table().decision()),
                live.requestId());
        Map<String, Double> chances = new LinkedHashMap<>();
        for (int i = 0; i < decision.byCost().size(); i++) {
            chances.put(decision.byCost().get(i).model(), decision.probabilities()[i]);
        }
        return new ShadowDecision(decision.served().model(), chances.get(decision.served().model()),
                Collections.unmodifiableMap(chances), version, checksum);
    }

    // A preset the shadow table lacks, or a knob out of its range, falls back to the live knob: a shadow never fails.
    private static double knob(CostPreference asked, RouteDecision live, DecisionSettings settings) {
        try {
            return asked.resolve(settings);
        } catch (IllegalArgumentException e) {
            return live.costPreference();
        }
    }
}
