package dev.tagrouter.ope;

import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.ExplorationPolicy;
import dev.tagrouter.decision.RoutingPolicy;
import dev.tagrouter.decisionlog.DecisionLogEntry;
import dev.tagrouter.routing.RecentTurnTags;
import dev.tagrouter.table.CompiledTable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a candidate routing table would have done with a logged decision, through the product's own
 * {@link RoutingPolicy}: the logged tags and input tokens, the logged eligible models that the candidate table
 * prices, the table's rule at the given cost preference, and exploration when the candidate would be served with
 * it. Replaying the live table with the live settings gives back the logged probabilities exactly, when every request
 * was decided at the candidate's cost preference or the candidate replays each request's logged one.
 */
public final class CandidateTablePolicy {

    /** The candidate's probability of each logged eligible model it prices, and its expected cost. */
    public record Replay(Map<String, Double> probabilities, double expectedCostUsd) {
    }

    private final CompiledTable table;
    private final RoutingPolicy policy;
    private final Double preference;

    /** The candidate deciding every logged request at one cost preference. */
    public CandidateTablePolicy(CompiledTable table, CostPreference preference,
                                Optional<ExplorationPolicy> exploration) {
        this(table, preference.resolve(table.table().decision()), exploration);
    }

    private CandidateTablePolicy(CompiledTable table, Double preference, Optional<ExplorationPolicy> exploration) {
        this.table = table;
        this.policy = RoutingPolicy.of(table, exploration);
        this.preference = preference;
    }

    /**
     * The candidate deciding each logged request at the knob it was logged with: what the live router did for
     * requests that set their own cost preference. Meaningful for a candidate whose knob means what the live table's
     * meant (the live table itself, or one with the same rule and scoring).
     */
    public static CandidateTablePolicy atLoggedPreference(CompiledTable table,
                                                          Optional<ExplorationPolicy> exploration) {
        return new CandidateTablePolicy(table, (Double) null, exploration);
    }

    /** The names of the candidate table's models. */
    public java.util.List<String> models() {
        return table.table().models().stream().map(dev.tagrouter.table.ModelEntry::name).toList();
    }

    /** The knob the candidate decides with; empty when it replays each request's logged knob. */
    public OptionalDouble preference() {
        return preference == null ? OptionalDouble.empty() : OptionalDouble.of(preference);
    }

    /** The replayed decision, or empty when none of the logged eligible models is in the candidate's pool. */
    public Optional<Replay> replay(DecisionLogEntry entry) {
        int[] models = entry.probabilities().keySet().stream().mapToInt(table::modelIndex).filter(m -> m >= 0)
                .toArray();
        if (models.length == 0) {
            return Optional.empty();
        }
        RecentTurnTags.Known known = RecentTurnTags.known(table, entry.tags(), entry.tagWeights());
        RoutingPolicy.Decision d = policy.decide(known.positions(), known.weights(), models,
                policy.costsUsd(models, entry.inputTokens()),
                preference != null ? preference : entry.costPreference(), entry.requestId());
        Map<String, Double> p = new LinkedHashMap<>();
        double expected = 0;
        for (int i = 0; i < d.byCost().size(); i++) {
            p.put(d.byCost().get(i).model(), d.probabilities()[i]);
            expected += d.probabilities()[i] * d.byCost().get(i).costUsd();
        }
        return Optional.of(new Replay(p, expected));
    }
}
