package dev.tagrouter.tablebuilding;

import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.Outcome;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.table.TableProvenance;
import dev.tagrouter.table.TableTag;
import dev.tagrouter.scoring.TagScorer;
import dev.tagrouter.tagging.TagResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a routing table (TagRouter's offline phase, section 3): tags every training prompt, counts each pool
 * model's wins, ties and losses per tag, and scores them with the {@link TagScorer}.
 */
public final class TableBuilder {

    /**
     * Builds a table from already tagged prompts, so that evaluation folds can tag a dataset once.
     *
     * @param data         the training part of a dataset
     * @param tagsByPrompt tags of each prompt id
     * @param aliases      aliases of each canonical tag, written into the table for tag alignment
     * @param taggerName   name of the tagger that produced {@code tagsByPrompt}
     */
    public RoutingTable build(PreferenceDataset data, Map<String, TagResult> tagsByPrompt,
                              Map<String, List<String>> aliases, String taggerName, BuildOptions options) {
        List<String> pool = options.pool();
        for (String model : pool) {
            if (!data.prices().containsKey(model)) {
                throw new DatasetException("model '" + model + "' has no price in models.csv; priced models: "
                        + data.prices().keySet());
            }
        }
        int models = pool.size();
        OutcomeCounts[] overall = new OutcomeCounts[models];
        java.util.Arrays.fill(overall, OutcomeCounts.ZERO);
        long[] outputChars = new long[models];
        int[] answersWithLength = new int[models];
        Map<String, OutcomeCounts[]> perTag = new TreeMap<>();
        Map<String, Integer> tagCounts = new HashMap<>();
        int usedPrompts = 0;

        for (Prompt prompt : data.prompts()) {
            Map<String, Judgment> judged = data.judgments().getOrDefault(prompt.id(), Map.of());
            Outcome[] outcomes = new Outcome[models];
            boolean any = false;
            for (int m = 0; m < models; m++) {
                Judgment j = judged.get(pool.get(m));
                if (j == null) {
                    continue;
                }
                Optional<Outcome> outcome = options.mapping().outcome(j, judged);
                if (outcome.isPresent()) {
                    outcomes[m] = outcome.get();
                    overall[m] = overall[m].plus(outcome.get());
                    any = true;
                }
                if (j.outputChars() >= 0) {
                    outputChars[m] += j.outputChars();
                    answersWithLength[m]++;
                }
            }
            if (!any) {
                continue;
            }
            usedPrompts++;
            TagResult tags = tagsByPrompt.getOrDefault(prompt.id(), TagResult.empty());
            for (String tag : new LinkedHashSet<>(tags.names())) {
                tagCounts.merge(tag, 1, Integer::sum);
                OutcomeCounts[] counts = perTag.computeIfAbsent(tag, t -> {
                    OutcomeCounts[] zero = new OutcomeCounts[models];
                    java.util.Arrays.fill(zero, OutcomeCounts.ZERO);
                    return zero;
                });
                for (int m = 0; m < models; m++) {
                    if (outcomes[m] != null) {
                        counts[m] = counts[m].plus(outcomes[m]);
                    }
                }
            }
        }
        if (usedPrompts == 0) {
            throw new DatasetException("no prompt of " + data.name() + " has a judgment for the pool " + pool);
        }

        TagScorer scorer = new TagScorer(options.scoring());
        List<TableTag> tags = new ArrayList<>();
        for (Map.Entry<String, OutcomeCounts[]> e : perTag.entrySet()) {
            int count = tagCounts.get(e.getKey());
            if (count < options.minTagCount() || count > options.maxTagShare() * usedPrompts) {
                continue;
            }
            Map<String, OutcomeCounts> outcomes = new HashMap<>();
            Map<String, Double> scores = new HashMap<>();
            for (int m = 0; m < models; m++) {
                if (e.getValue()[m].total() > 0) {
                    outcomes.put(pool.get(m), e.getValue()[m]);
                    scores.put(pool.get(m), scorer.score(e.getValue()[m], count));
                }
            }
            tags.add(new TableTag(e.getKey(), aliases.getOrDefault(e.getKey(), List.of()), count, outcomes, scores));
        }

        List<ModelEntry> entries = new ArrayList<>();
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < models; m++) {
            ModelPrice price = data.prices().get(pool.get(m));
            int expectedTokens = answersWithLength[m] == 0 ? options.defaultOutputTokens()
                    : (int) Math.round(outputChars[m] / (double) answersWithLength[m] / options.charsPerToken());
            entries.add(new ModelEntry(pool.get(m), price.inputUsdPerMTok(), price.outputUsdPerMTok(), expectedTokens,
                    overall[m]));
            double prior = scorer.score(overall[m], usedPrompts);
            if (prior > bestScore) {
                bestScore = prior;
                best = pool.get(m);
            }
        }
        TableProvenance provenance = new TableProvenance(data.name(), usedPrompts, options.mapping().describe(),
                options.mapping().referenceModel(), taggerName);
        RoutingTable table = new RoutingTable(RoutingTable.FORMAT, options.version(), null, options.scoring(), best,
                provenance, entries, tags);
        return table.withChecksum(new RoutingTableCodec().checksum(table));
    }
}
