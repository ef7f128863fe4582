package dev.tagrouter.evaluation;

import dev.tagrouter.decision.Candidate;
import dev.tagrouter.decision.DecisionRule;
import dev.tagrouter.decision.RoutingPolicy;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.TableBuilder;
import dev.tagrouter.tagging.TagResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TagRouter on one fold, with the product's own parts: the real {@link TableBuilder} on the training prompts, then
 * for each held-out prompt the candidates the product's {@link RoutingPolicy} computes (the same values, the same
 * estimated costs, no-known-tag prompts included), ready for the decision rule's sweep.
 */
final class TagRouterMethod {

    private final TableBuilder builder = new TableBuilder();

    /** The table built on the fold's training prompts. */
    RoutingTable table(PreferenceDataset dataset, PoolData data, Fold fold, Map<String, TagResult> tags,
                       Map<String, List<String>> aliases, String taggerName, BuildOptions options) {
        Set<String> training = new HashSet<>();
        for (int p : fold.train()) {
            training.add(data.prompts().get(p).id());
        }
        return builder.build(dataset.subset(training), tags, aliases, taggerName, options);
    }

    List<PromptChoice> choices(PoolData data, int[] prompts, RoutingTable table, DecisionRule rule,
                               Map<String, TagResult> tags) {
        RoutingPolicy policy = new RoutingPolicy(CompiledTable.of(table), rule, Optional.empty());
        CompiledTable compiled = policy.table();
        int models = compiled.modelCount();
        int[] all = new int[models];
        for (int m = 0; m < models; m++) {
            all[m] = m;
        }
        List<PromptChoice> out = new ArrayList<>(prompts.length);
        for (int p : prompts) {
            TagResult result = tags.getOrDefault(data.prompts().get(p).id(), TagResult.empty());
            int[] known = compiled.knownTags(result.names());
            List<Candidate> byCost = policy.candidates(known, all, policy.costsUsd(all, data.inputTokens()[p]));
            out.add(new PromptChoice(p, byCost, Candidates.positions(data, byCost), known.length > 0));
        }
        return out;
    }
}
