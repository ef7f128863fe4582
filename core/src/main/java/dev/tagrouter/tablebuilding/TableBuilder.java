package dev.tagrouter.tablebuilding;

import dev.tagrouter.scoring.ScoringMethod;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.Outcome;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.table.TableProvenance;
import dev.tagrouter.table.TableTag;
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
 * model's wins, ties and losses per tag and overall, and, for calibrated scoring, chooses the prior strength by
 * cross-validation ({@link PriorStrengthSelector}). The cost/accept curve and presets are added by the caller,
 * which cross-validates the whole policy.
 */
public final class TableBuilder {

    /** A training prompt reduced to what the counts need: its tags and each pool model's outcome (or null). */
    record Example(List<String> tags, Outcome[] outcomes) {
    }

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
        long[] outputChars = new long[models];
        int[] answersWithLength = new int[models];
        List<Example> examples = new ArrayList<>();
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
                    any = true;
                }
                if (j.outputChars() >= 0) {
                    outputChars[m] += j.outputChars();
                    answersWithLength[m]++;
                }
            }
            if (any) {
                TagResult tags = tagsByPrompt.getOrDefault(prompt.id(), TagResult.empty());
                examples.add(new Example(List.copyOf(new LinkedHashSet<>(tags.names())), outcomes));
            }
        }
        if (examples.isEmpty()) {
            throw new DatasetException("no prompt of " + data.name() + " has a judgment for the pool " + pool);
        }

        Counts counts = Counts.of(examples, models, options);
        ScoringParameters scoring = options.scoring();
        if (options.choosePriorStrength() && scoring.method() == ScoringMethod.CALIBRATED) {
            scoring = scoring.withPriorStrength(
                    new PriorStrengthSelector(scoring.combination()).choose(examples, models, options));
        }
        List<TableTag> tags = new ArrayList<>();
        for (Map.Entry<String, OutcomeCounts[]> e : counts.perTag().entrySet()) {
            Map<String, OutcomeCounts> outcomes = new HashMap<>();
            for (int m = 0; m < models; m++) {
                if (e.getValue()[m].total() > 0) {
                    outcomes.put(pool.get(m), e.getValue()[m]);
                }
            }
            tags.add(new TableTag(e.getKey(), aliases.getOrDefault(e.getKey(), List.of()),
                    counts.tagCounts().get(e.getKey()), outcomes));
        }
        List<ModelEntry> entries = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            ModelPrice price = data.prices().get(pool.get(m));
            int expectedTokens = answersWithLength[m] == 0 ? options.defaultOutputTokens()
                    : (int) Math.round(outputChars[m] / (double) answersWithLength[m] / options.charsPerToken());
            entries.add(new ModelEntry(pool.get(m), price.inputUsdPerMTok(), price.outputUsdPerMTok(), expectedTokens,
                    counts.overall()[m]));
        }
        TableProvenance provenance = new TableProvenance(data.name(), examples.size(), options.mapping().describe(),
                options.mapping().referenceModel(), taggerName);
        RoutingTable table = new RoutingTable(RoutingTable.FORMAT, options.version(), null, scoring,
                DecisionSettings.bare(options.rule(), costScale(data, entries, options)), provenance,
                entries, tags);
        return table.withChecksum(new RoutingTableCodec().checksum(table));
    }

    /**
     * The utility rule's cost scale: the mean estimated cost of a training prompt on the dearest model (input from the
     * prompts' length at the table's characters per token, output from the model's expected tokens).
     */
    private static double costScale(PreferenceDataset data, List<ModelEntry> models, BuildOptions options) {
        double chars = 0;
        for (Prompt prompt : data.prompts()) {
            chars += prompt.text().length();
        }
        double inputTokens = chars / Math.max(1, data.prompts().size()) / options.charsPerToken();
        double scale = 0;
        for (ModelEntry m : models) {
            scale = Math.max(scale, (inputTokens * m.inputUsdPerMTok()
                    + m.expectedOutputTokens() * m.outputUsdPerMTok()) / 1e6);
        }
        return scale > 0 ? scale : 1e-6; // a pool of free models: any positive scale ranks alike
    }

    /** Outcome counts per model, overall and per kept tag (min count and max share applied), over some examples. */
    record Counts(OutcomeCounts[] overall, Map<String, OutcomeCounts[]> perTag, Map<String, Integer> tagCounts) {

        static Counts of(List<Example> examples, int models, BuildOptions options) {
            OutcomeCounts[] overall = zeros(models);
            Map<String, OutcomeCounts[]> perTag = new TreeMap<>();
            Map<String, Integer> tagCounts = new HashMap<>();
            for (Example example : examples) {
                for (int m = 0; m < models; m++) {
                    if (example.outcomes()[m] != null) {
                        overall[m] = overall[m].plus(example.outcomes()[m]);
                    }
                }
                for (String tag : example.tags()) {
                    tagCounts.merge(tag, 1, Integer::sum);
                    OutcomeCounts[] c = perTag.computeIfAbsent(tag, t -> zeros(models));
                    for (int m = 0; m < models; m++) {
                        if (example.outcomes()[m] != null) {
                            c[m] = c[m].plus(example.outcomes()[m]);
                        }
                    }
                }
            }
            perTag.keySet().removeIf(tag -> tagCounts.get(tag) < options.minTagCount()
                    || tagCounts.get(tag) > options.maxTagShare() * examples.size());
            return new Counts(overall, perTag, tagCounts);
        }

        private static OutcomeCounts[] zeros(int models) {
            OutcomeCounts[] zero = new OutcomeCounts[models];
            java.util.Arrays.fill(zero, OutcomeCounts.ZERO);
            return zero;
        }
    }
}
