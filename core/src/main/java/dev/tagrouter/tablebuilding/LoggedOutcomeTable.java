package dev.tagrouter.tablebuilding;

import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.Preset;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.table.TableProvenance;
import dev.tagrouter.table.TableTag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a routing table from the router's own traffic: each logged decision with an outcome is one draw of the
 * chosen model's reward, weighted by the inverse of the probability it was chosen with, so that per (tag, model)
 * the self-normalised IPW estimate {@code sum(w r) / sum(w)} estimates that model's accept rate over all the tag's
 * requests, not only those the live table sent it. Each cell is stored as effective counts: its effective sample
 * size {@code (sum w)^2 / sum(w^2)} as the number of outcomes, its estimate times that as accepted ones, so the
 * scorer shrinks it toward the model's overall rate exactly as it shrinks counted outcomes, and a cell with little
 * support falls back to that prior. Memory grows with tags times models, not with the log.
 */
public final class LoggedOutcomeTable {

    /** One cell's weighted sums: decisions, sum w, sum w r, sum w^2. */
    public static final class Cell {
        private long decisions;
        private double sumW;
        private double sumWR;
        private double sumWW;

        void add(double w, double reward) {
            decisions++;
            sumW += w;
            sumWR += w * reward;
            sumWW += w * w;
        }

        public long decisions() {
            return decisions;
        }

        /** Self-normalised IPW estimate; NaN without decisions. */
        public double rate() {
            return sumWR / sumW;
        }

        public double effectiveSampleSize() {
            return sumWW == 0 ? 0 : sumW * sumW / sumWW;
        }

        /** The cell as the table stores it: the effective sample size rounded, accepted at the estimated rate. */
        public OutcomeCounts effectiveCounts() {
            int total = (int) Math.min(Integer.MAX_VALUE, Math.round(effectiveSampleSize()));
            if (total == 0) {
                return OutcomeCounts.ZERO;
            }
            int accepted = (int) Math.round(rate() * total);
            return new OutcomeCounts(accepted, 0, total - accepted);
        }
    }

    private final RoutingTable base;
    private final Map<String, Integer> modelIndex = new HashMap<>();
    private final Cell[] overall;
    private final Map<String, Cell[]> perTag = new TreeMap<>();
    private final Map<String, Long> tagDecisions = new HashMap<>();
    private long decisions;
    private long skipped;

    /** @param base the table whose pool (prices, output lengths), scoring and decision rule the new table keeps */
    public LoggedOutcomeTable(RoutingTable base) {
        this.base = base;
        for (ModelEntry m : base.models()) {
            modelIndex.put(m.name(), modelIndex.size());
        }
        overall = cells();
    }

    /**
     * Adds one logged decision with its outcome.
     *
     * @param tags        the query's canonical tags (all of them, so the new table can learn tags the live one lacked)
     * @param chosen      the model that answered
     * @param propensity  the probability the router chose it with, in (0, 1]
     * @param reward      the outcome in [0, 1]
     */
    public void add(List<String> tags, String chosen, double propensity, double reward) {
        Integer m = modelIndex.get(chosen);
        if (m == null || !(propensity > 0) || propensity > 1 + 1e-9 || !(reward >= 0 && reward <= 1)) {
            skipped++;
            return;
        }
        decisions++;
        double w = 1 / propensity;
        overall[m].add(w, reward);
        for (String tag : new java.util.LinkedHashSet<>(tags)) {
            tagDecisions.merge(tag, 1L, Long::sum);
            perTag.computeIfAbsent(tag, t -> cells())[m].add(w, reward);
        }
    }

    /** Decisions used; decisions left out (model not in the pool, no valid propensity or reward). */
    public long decisions() {
        return decisions;
    }

    public long skipped() {
        return skipped;
    }

    /** Every (tag, model) cell that has a decision, tag by tag in name order, models in pool order. */
    public Map<String, Map<String, Cell>> cellsByTag() {
        Map<String, Map<String, Cell>> out = new LinkedHashMap<>();
        perTag.forEach((tag, cells) -> {
            Map<String, Cell> row = new LinkedHashMap<>();
            for (ModelEntry model : base.models()) {
                Cell c = cells[modelIndex.get(model.name())];
                if (c.decisions() > 0) {
                    row.put(model.name(), c);
                }
            }
            out.put(tag, row);
        });
        return out;
    }

    /** The model's cell over all logged decisions. */
    public Cell overall(String model) {
        return overall[modelIndex.get(model)];
    }

    /**
     * The table: the base's pool with overall effective counts from the log, the tags carried by at least
     * {@code minTagCount} and at most {@code maxTagShare} of the decisions, the given scoring, and the base's rule and
     * cost scale. The base's presets keep their knob values; their held-out promises were measured on the base's
     * data, which their text now says, and the base's curve is left out.
     */
    public RoutingTable build(String version, ScoringParameters scoring, int minTagCount, double maxTagShare,
                              Map<String, List<String>> aliases, String tagger) {
        if (decisions == 0) {
            throw new DatasetException("the log has no decision with an outcome for a model of the pool "
                    + modelIndex.keySet());
        }
        List<ModelEntry> models = new ArrayList<>();
        for (ModelEntry m : base.models()) {
            models.add(new ModelEntry(m.name(), m.inputUsdPerMTok(), m.outputUsdPerMTok(), m.expectedOutputTokens(),
                    overall[modelIndex.get(m.name())].effectiveCounts()));
        }
        Map<String, List<String>> baseAliases = new HashMap<>();
        base.tags().forEach(t -> baseAliases.put(t.name(), t.aliases()));
        List<TableTag> tags = new ArrayList<>();
        perTag.forEach((tag, cells) -> {
            long count = tagDecisions.get(tag);
            if (count < minTagCount || count > maxTagShare * decisions) {
                return;
            }
            Map<String, OutcomeCounts> outcomes = new HashMap<>();
            for (ModelEntry m : base.models()) {
                OutcomeCounts c = cells[modelIndex.get(m.name())].effectiveCounts();
                if (c.total() > 0) {
                    outcomes.put(m.name(), c);
                }
            }
            tags.add(new TableTag(tag, aliases.getOrDefault(tag, baseAliases.getOrDefault(tag, List.of())),
                    (int) Math.min(Integer.MAX_VALUE, count), outcomes));
        });
        DecisionSettings decision = base.decision();
        List<Preset> presets = decision.presets().stream().map(p -> new Preset(p.name(), p.costPreference(),
                p.acceptRate(), p.costShare(), "knob of table " + base.version() + ", whose held-out promise was: "
                + p.promise())).toList();
        DecisionSettings kept = new DecisionSettings(decision.rule(), decision.costScaleUsd(),
                decision.defaultPreset(), presets, List.of(), 0);
        TableProvenance provenance = new TableProvenance("decision log", (int) Math.min(Integer.MAX_VALUE, decisions),
                "logged outcomes, self-normalised IPW by the logged propensities; counts are effective sample sizes",
                null, tagger);
        RoutingTable table = new RoutingTable(RoutingTable.FORMAT, version, null, scoring, kept, provenance, models,
                tags);
        return table.withChecksum(new RoutingTableCodec().checksum(table));
    }

    private Cell[] cells() {
        Cell[] c = new Cell[modelIndex.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Cell();
        }
        return c;
    }
}
