package dev.tagrouter.evaluation;

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
import java.util.Set;

/**
 * TagRouter on one fold, with the product's own parts: the real {@link TableBuilder} on the training prompts, then
 * for each held-out prompt the summed table scores of its known tags (TagRouter section 3, TagScorer
 * {@code S(M, q) = sum_t score(M, t)}) and the estimated cost per model, ready for the decision rule. A prompt with no
 * known tag goes to the table's default model, as the product's {@code Router} does.
 */
final class TagRouterMethod {

    private final TableBuilder builder = new TableBuilder();
    private final Candidates candidates = new Candidates();

    /** The table built on the fold's training prompts. */
    RoutingTable table(PreferenceDataset dataset, PoolData data, Fold fold, Map<String, TagResult> tags,
                       Map<String, List<String>> aliases, String taggerName, BuildOptions options) {
        Set<String> training = new HashSet<>();
        for (int p : fold.train()) {
            training.add(data.prompts().get(p).id());
        }
        return builder.build(dataset.subset(training), tags, aliases, taggerName, options);
    }

    List<PromptChoice> choices(PoolData data, Fold fold, RoutingTable table, Map<String, TagResult> tags) {
        CompiledTable compiled = CompiledTable.of(table);
        int fallback = data.modelIndex(table.defaultModel());
        int models = compiled.modelCount();
        List<PromptChoice> out = new ArrayList<>(fold.test().length);
        for (int p : fold.test()) {
            TagResult result = tags.getOrDefault(data.prompts().get(p).id(), TagResult.empty());
            double[] scores = new double[models];
            boolean known = false;
            for (String tag : result.names()) {
                int t = compiled.tagIndex(tag);
                if (t < 0) {
                    continue;
                }
                known = true;
                for (int m = 0; m < models; m++) {
                    scores[m] += compiled.score(t, m);
                }
            }
            out.add(known ? candidates.of(data, p, table.models(), scores) : Candidates.fixed(p, fallback));
        }
        return out;
    }
}
