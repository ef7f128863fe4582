package dev.tagrouter.routing;

import dev.tagrouter.decision.ExplorationPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * The router's operating settings, validated.
 *
 * @param defaultTheta theta used when a request sends no {@code costPreference}; must lie within +-maxAbsTheta
 * @param maxAbsTheta  largest |theta| a request may ask for
 * @param defaultModel model for queries without a known tag; empty means the table's default
 * @param limits       request size limits
 * @param exploration  the stochastic rule that replaces the decider's choice, when exploration is on
 */
public record RouterSettings(double defaultTheta, double maxAbsTheta, Optional<String> defaultModel,
                             RequestLimits limits, Optional<ExplorationPolicy> exploration) {

    public static final RouterSettings DEFAULTS =
            new RouterSettings(0, 1e6, Optional.empty(), RequestLimits.DEFAULTS, Optional.empty());

    public RouterSettings {
        Objects.requireNonNull(defaultModel, "defaultModel");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(exploration, "exploration");
        if (!Double.isFinite(maxAbsTheta) || maxAbsTheta <= 0) {
            throw new IllegalArgumentException("maxAbsTheta must be a finite number > 0, got " + maxAbsTheta);
        }
        if (!Double.isFinite(defaultTheta) || Math.abs(defaultTheta) > maxAbsTheta) {
            throw new IllegalArgumentException("defaultTheta must be a finite number within +-" + maxAbsTheta
                    + ", got " + defaultTheta);
        }
    }

    public RouterSettings withExploration(ExplorationPolicy policy) {
        return new RouterSettings(defaultTheta, maxAbsTheta, defaultModel, limits, Optional.of(policy));
    }
}
