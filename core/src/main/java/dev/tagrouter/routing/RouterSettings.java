package dev.tagrouter.routing;

import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.ExplorationPolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * The router's operating settings, validated.
 *
 * @param costPreference the trade-off used when a request sends none; empty means the table's default preset
 * @param limits         request size limits
 * @param exploration    the stochastic rule that replaces the decision rule's choice, when exploration is on
 */
public record RouterSettings(Optional<CostPreference> costPreference, RequestLimits limits,
                             Optional<ExplorationPolicy> exploration) {

    public static final RouterSettings DEFAULTS =
            new RouterSettings(Optional.empty(), RequestLimits.DEFAULTS, Optional.empty());

    public RouterSettings {
        Objects.requireNonNull(costPreference, "costPreference");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(exploration, "exploration");
    }

    public RouterSettings withExploration(ExplorationPolicy policy) {
        return new RouterSettings(costPreference, limits, Optional.of(policy));
    }

    public RouterSettings withCostPreference(CostPreference preference) {
        return new RouterSettings(Optional.of(preference), limits, exploration);
    }
}
