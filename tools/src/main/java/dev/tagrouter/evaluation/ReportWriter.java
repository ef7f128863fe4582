package dev.tagrouter.evaluation;

import dev.tagrouter.tablebuilding.ModelPrice;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Writes the evaluation report as Markdown: reference lines first (RouteLLM style), then methods and ablations. */
public final class ReportWriter {

    /** Targets of issue 3 for the headline numbers against the strongest model. */
    static final double TARGET_AR_GAIN = 0.06;
    static final double TARGET_COST_CUT = 0.17;

    /**
     * How the run was made.
     *
     * @param command        the exact command line
     * @param dataset        dataset directory name
     * @param settings       shared settings
     * @param prices         model prices of the dataset
     * @param setupSeconds   reading the data and tagging every prompt once
     * @param cores          processors available to the JVM
     */
    public record RunInfo(String command, String dataset, EvaluationSettings settings, Map<String, ModelPrice> prices,
                          double setupSeconds, int cores) {
    }

    public String write(RunInfo run, List<PoolReport> pools) {
        StringBuilder md = new StringBuilder();
        md.append("# TagRouter evaluation on ").append(run.dataset()).append("\n\n");
        md.append("Made with:\n\n```bash\n").append(run.command()).append("\n```\n\n");
        EvaluationSettings s = run.settings();
        md.append(f("%d-fold cross-validation (seed %d); outcome mapping: %s; cost = prompt tokens (jtokkit cl100k_base) "
                        + "+ the model's real answer length / %s chars per token, at list prices; cost-preference grid: %d "
                        + "quantiles of the pooled breakpoints + 2 (%d points per curve); kNN k = %d. "
                        + "Data: the dataset named above; see its own README for source, judge and licence.\n\n",
                s.folds(), s.seed(), s.mapping().describe(), s.charsPerToken(), s.sweepSteps() + 1,
                s.sweepSteps() + 3, s.knnK()));
        md.append("Summary:\n\n| pool | oracle AR | strongest (AR) | random AUC | kNN AUC | tagrouter AUC | AR gain at <= strongest cost "
                + "| cost cut at >= strongest AR | cross-fitted AR gain | eval time |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (PoolReport p : pools) {
            PoolResult r = p.main();
            Reference ref = r.averagedReference();
            MethodSummary oracle = summary(r, r.method(MethodCurves.Kind.ORACLE));
            MethodSummary random = summary(r, r.method(MethodCurves.Kind.RANDOM));
            MethodSummary knn = summary(r, r.methods().get(r.methods().size() - 2));
            MethodSummary tag = summary(r, r.tagRouter());
            md.append(f("| %s | %s | %s (%s) | %s | %s | **%s** | %s | %s | %s | %.1f s |\n", r.data().pool().name(),
                    pct(oracle.acceptRate().mean()), r.data().pool().models().get(r.strongest()), pct(ref.strongAr()),
                    auc(random.auc().mean()), auc(knn.auc().mean()), auc(tag.auc().mean()), signedPct(tag.avgArGain()),
                    cut(tag.avgCostCut()), spreadPct(tag.crossArGain()), r.seconds()));
        }
        md.append("\n");
        intervals(md, pools);
        for (PoolReport p : pools) {
            pool(md, run, p);
        }
        definitions(md, run, pools);
        return md.toString();
    }

    private void intervals(StringBuilder md, List<PoolReport> pools) {
        PoolSummary first = pools.get(0).summary();
        md.append(f("Pooled held-out AUC over %d seed(s) %s, with paired bootstrap 95%% intervals of the differences "
                + "(over prompts; over folds):\n\n", first.seeds().size(), first.seeds()));
        md.append("| pool | random | kNN | tagrouter | tagrouter - random | tagrouter - kNN | APGR | CPT(50%) | CPT(80%) "
                + "|\n|---|---|---|---|---|---|---|---|---|\n");
        for (PoolReport p : pools) {
            PoolSummary s = p.summary();
            TwoModelMetrics t = s.twoModel();
            md.append(f("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", s.pool(),
                    auc(s.auc().get("random (matched cost)")), auc(knnAuc(s)), auc(s.auc().get("tagrouter")),
                    difference(s.minusRandom()), difference(s.minusKnn()), t == null ? "" : f("%.3f", t.apgr()),
                    t == null ? "" : pct(t.cpt50()), t == null ? "" : pct(t.cpt80())));
        }
        md.append("\nPresets picked on the other folds' curve, measured on the held-out fold (mean over folds and "
                + "seeds):\n\n| pool | preset | held-out AR | promised AR | folds reaching it | cost share "
                + "|\n|---|---|---|---|---|---|\n");
        for (PoolReport p : pools) {
            p.summary().presets().forEach((name, r) -> md.append(f("| %s | %s | %s | %s | %s | %s |\n",
                    p.summary().pool(), name, pct(r.acceptRate()), pct(r.target()), pct(r.reachedShare()),
                    pct(r.costShare()))));
        }
        md.append("\n");
        for (PoolReport p : pools) {
            for (String w : p.summary().warnings()) {
                md.append("> Warning: ").append(w).append("\n\n");
            }
        }
    }

    private static double knnAuc(PoolSummary s) {
        return s.auc().entrySet().stream().filter(e -> e.getKey().startsWith("kNN")).mapToDouble(Map.Entry::getValue)
                .findFirst().orElse(Double.NaN);
    }

    private static String difference(PoolSummary.Difference d) {
        return f("%+.2f pts [%+.2f, %+.2f]; [%+.2f, %+.2f]", 100 * d.mean(), 100 * d.promptInterval()[0],
                100 * d.promptInterval()[1], 100 * d.foldInterval()[0], 100 * d.foldInterval()[1]);
    }

    private void pool(StringBuilder md, RunInfo run, PoolReport report) {
        PoolResult r = report.main();
        PoolData data = r.data();
        Reference ref = r.averagedReference();
        String strongest = data.pool().models().get(r.strongest());
        md.append("## Pool `").append(data.pool().name()).append("`\n\n");
        md.append(f("%d prompts evaluated (%d skipped: a pool model has no outcome). Cheapest model: `%s`; strongest: "
                        + "`%s`. Held-out prompts with at least one tag known to their fold's table: %s. "
                        + "Main evaluation (%d folds, cost-preference sweep, all baselines): %.1f s.\n\n", data.size(),
                data.skipped(), data.pool().models().get(r.cheapest()), strongest, pct(r.knownTagShare()),
                r.folds().size(), r.seconds()));

        md.append("| method | AR | mean cost (USD / 1k prompts) | total cost (USD, all held-out prompts) | AUC | gain over line "
                + "| AR gain at <= strongest cost | cost cut at >= strongest AR |\n|---|---|---|---|---|---|---|---|\n");
        for (MethodCurves m : r.methods()) {
            MethodSummary s = summary(r, m);
            String name = m.kind() == MethodCurves.Kind.SINGLE ? "`" + m.name() + "`" + price(run, m.name())
                    : m.kind() == MethodCurves.Kind.SWEEP && m.name().equals("tagrouter") ? "**tagrouter**" : m.name();
            String ar;
            String cost;
            String total;
            if (s.kind() == MethodCurves.Kind.SINGLE || s.kind() == MethodCurves.Kind.ORACLE) {
                ar = f("%.1f%% ± %.1f", 100 * s.acceptRate().mean(), 100 * s.acceptRate().std());
                cost = f("%.4f", s.meanCost().mean() * 1000);
                total = f("%.4f", s.totalCost());
            } else if (s.avgBestWithin() != null) {
                ar = pct(s.avgBestWithin().acceptRate()) + " (best at <= strongest cost)";
                cost = f("%.4f", s.avgBestWithin().meanCostUsd() * 1000);
                total = Double.isNaN(s.avgBestWithin().totalCostUsd()) ? "" : f("%.4f", s.avgBestWithin().totalCostUsd());
            } else {
                ar = "";
                cost = "";
                total = "";
            }
            boolean curve = s.kind().swept() || s.kind() == MethodCurves.Kind.RANDOM;
            md.append(f("| %s | %s | %s | %s | %s | %s | %s | %s |\n", name, ar, cost, total,
                    spread(s.auc()), spreadSignedPts(s.gainOverLine()),
                    curve || s.kind() == MethodCurves.Kind.ORACLE ? signedPct(s.avgArGain()) : "",
                    curve || s.kind() == MethodCurves.Kind.ORACLE ? cut(s.avgCostCut()) : ""));
        }
        md.append("\nAUC and gain over line: mean ± std over folds; AR gain and cost cut: read off the fold-averaged curve. "
                + "The line is the straight line between the cheapest and the strongest model "
                + f("(normalised area %s).\n\n", auc(CurveMetrics.lineArea(ref))));

        MethodSummary tag = summary(r, r.tagRouter());
        MethodSummary knn = summary(r, r.methods().get(r.methods().size() - 2));
        MethodSummary random = summary(r, r.method(MethodCurves.Kind.RANDOM));
        md.append("### Headline: tagrouter vs always `").append(strongest).append("`\n\n");
        md.append(f("- Fold-averaged curve: AR gain %s at <= its cost (best point: AR %s at %s of its cost); "
                        + "cost cut %s at >= its AR %s.\n", signedPct(tag.avgArGain()),
                tag.avgBestWithin() == null ? "n/a" : pct(tag.avgBestWithin().acceptRate()),
                tag.avgBestWithin() == null ? "n/a" : pct(tag.avgBestWithin().meanCostUsd() / ref.strongCost()),
                cut(tag.avgCostCut()), pct(ref.strongAr())));
        md.append(f("- Per fold (mean ± std): AR gain %s; cost cut %s (reached in %d of %d folds; a fold that never "
                        + "reaches the strongest AR counts as 0%%).\n", spreadPct(tag.arGain()),
                spreadPct(tag.costCut()), tag.costCutReached(), r.folds().size()));
        md.append(f("- Cross-fitted (grid position chosen on the other folds, measured on the held-out fold): "
                        + "AR gain %s at %s cost vs the strongest; cost cut %s with AR %s vs the strongest.\n",
                spreadPct(tag.crossArGain()), spreadPct(tag.crossCostAtArGain()), spreadPct(tag.crossCostCut()),
                spreadPct(tag.crossArAtCostCut())));
        md.append(f("- Targets: AUC above random %s (%s vs %s, %s); above kNN %s (%s vs %s, %s); AR gain >= +6%% %s (%s); "
                        + "cost cut >= 17%% %s (%s).\n\n",
                mark(tag.auc().mean() > random.auc().mean()), auc(tag.auc().mean()), auc(random.auc().mean()),
                signedPts(tag.auc().mean() - random.auc().mean()), mark(tag.auc().mean() > knn.auc().mean()),
                auc(tag.auc().mean()), auc(knn.auc().mean()), signedPts(tag.auc().mean() - knn.auc().mean()),
                mark(tag.avgArGain() >= TARGET_AR_GAIN), signedPct(tag.avgArGain()),
                mark(tag.avgCostCut().orElse(0) >= TARGET_COST_CUT), cut(tag.avgCostCut())));

        md.append("### tagrouter curve (fold-averaged) and random routing at the same cost\n\n");
        md.append("| quantile | cost preference | AR | mean cost (USD / 1k) | total cost (USD) "
                + "| random at matched cost: expected AR | one seeded draw: AR |\n|---|---|---|---|---|---|---|\n");
        List<OperatingPoint> avg = r.tagRouter().averaged();
        int steps = avg.size() - 3;
        for (int j = 0; j < avg.size(); j += j >= 1 && j <= steps ? Math.max(1, steps / 10) : 1) {
            OperatingPoint p = avg.get(j);
            MatchedRandom.Result m = MatchedRandom.at(r, j, run.settings().seed());
            md.append(f("| %s | %.4g | %s | %.4f | %.4f | %s | %s |\n",
                    j == 0 ? "below min" : j <= steps + 1 ? f("%d%%", Math.round(100.0 * (j - 1) / steps))
                            : "above max", p.theta(), pct(p.acceptRate()),
                    p.meanCostUsd() * 1000, p.totalCostUsd(), pct(m.expectedAr()), pct(m.realisedAr())));
        }
        md.append("\n");

        if (!report.ablations().isEmpty()) {
            md.append(f("### Ablations (tagrouter only, same folds; %.1f s)\n\n", report.ablationSeconds()));
            md.append("| variant | AUC | Δ AUC vs default | gain over line | AR gain at <= strongest cost | cost cut at >= strongest AR "
                    + "| cross-fitted AR gain | known-tag share |\n|---|---|---|---|---|---|---|---|\n");
            double base = summary(report.ablations().get(0), report.ablations().get(0).tagRouter()).auc().mean();
            for (PoolResult a : report.ablations()) {
                MethodSummary s = summary(a, a.tagRouter());
                md.append(f("| %s | %s | %s | %s | %s | %s | %s | %s |\n", a.variant().name(), spread(s.auc()),
                        signedPts(s.auc().mean() - base), spreadSignedPts(s.gainOverLine()), signedPct(s.avgArGain()),
                        cut(s.avgCostCut()), spreadPct(s.crossArGain()), pct(a.knownTagShare())));
            }
            md.append("\n");
        }
        md.append("![AR vs cost](").append(report.curvesPng()).append(")\n\n");
        md.append("![per-tag heat map](").append(report.heatMapPng()).append(")\n\n");
    }

    private void definitions(StringBuilder md, RunInfo run, List<PoolReport> pools) {
        md.append("## Definitions\n\n");
        md.append("- **AR**: share of held-out prompts whose routed model's answer is a win or a tie against the reference.\n");
        md.append("- **Cost**: per prompt, input tokens of the prompt (jtokkit cl100k_base) x input price + the routed model's "
                + "real answer length in the data / chars-per-token x output price. Mean = per prompt; total = summed "
                + "over every held-out prompt (each prompt is held out once, so totals cover the whole pool).\n");
        md.append("- **Frontier**: a method's points plus the cheapest single model's point, reduced to the Pareto-optimal "
                + "ones and joined by straight lines (mixing two knob values at random reaches any point between them), "
                + "flat after the last point.\n");
        md.append("- **AUC**: area under the frontier between the cheapest and the strongest single model's mean cost, "
                + "divided by that cost range, i.e. the mean AR the method offers over those budgets. The straight "
                + "line between the two single models scores (AR_cheap + AR_strong) / 2; **gain over line** = AUC "
                + "minus that, in AR points.\n");
        md.append("- **AR gain**: (best AR of a point with mean cost <= the strongest model's) / (strongest model's AR) - 1. "
                + "**Cost cut**: 1 - (lowest mean cost of a point with AR >= the strongest model's) / (its mean cost).\n");
        md.append("- **Random (matched cost)**: each prompt goes to a model drawn at random, with the mix that has the best "
                + "expected AR at that mean cost (two neighbouring vertices of the single models' upper concave hull); "
                + "its curve is that hull. The curve table also shows one seeded draw of the mix.\n");
        md.append("- **Oracle**: per prompt the cheapest accepted model (real cost), else the cheapest model.\n");
        md.append("- **kNN**: TF-IDF (sublinear tf, smoothed idf, content words, fitted on the training prompts) cosine "
                + "neighbours among the training prompts; a model's score = its share of accepted answers over the k "
                + "neighbours; decided with the same rule and sweep as tagrouter (scores in [0, 1]).\n");
        md.append("- **tagrouter**: the real TableBuilder on the fold's training prompts (tags from the embedded rule "
                + "tagger, tagged once), the values core's RoutingPolicy computes for the prompt's known tags (the "
                + "models' overall rates when none is known), estimated cost per model as the router computes it, "
                + "decided with the variant's decision rule.\n");
        md.append("- **Cost-preference grid**: quantiles of the knob values at which some held-out prompt's choice "
                + "changes, pooled over the folds (label-free), plus one value below the lowest and one above the "
                + "highest; every fold is swept with the same grid, so curves are averaged point by point.\n");
        md.append("- **Mined keywords** (ablation): unigrams and bigrams of content words (lower case, crude plural "
                + "stemming, stop words removed) carried by >= 5 training prompts of the fold, at most 4 per prompt "
                + "(the most frequent), as extra tags `kw:<term>`.\n\n");
        double evalMax = pools.stream().mapToDouble(p -> p.main().seconds()).max().orElse(0);
        md.append(f("Timing: reading the data and tagging every prompt once: %.1f s; slowest pool's main evaluation: "
                + "%.1f s; %d processors available.\n", run.setupSeconds(), evalMax, run.cores()));
    }

    private static MethodSummary summary(PoolResult r, MethodCurves m) {
        return MethodSummary.of(m, r.references(), r.averagedReference());
    }

    private static String price(RunInfo run, String model) {
        ModelPrice p = run.prices().get(model);
        return p == null ? "" : f(" ($%s/$%s per M)", trim(p.inputUsdPerMTok()), trim(p.outputUsdPerMTok()));
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String mark(boolean ok) {
        return ok ? "met" : "**missed**";
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : f("%.1f%%", 100 * v);
    }

    static String signedPct(double v) {
        return Double.isNaN(v) ? "n/a" : f("%+.1f%%", 100 * v);
    }

    static String signedPts(double v) {
        return Double.isNaN(v) ? "n/a" : f("%+.2f pts", 100 * v);
    }

    static String auc(double v) {
        return Double.isNaN(v) ? "n/a" : f("%.3f", v);
    }

    static String spread(Spread s) {
        return s.n() == 0 ? "" : f("%.3f ± %.3f", s.mean(), s.std());
    }

    static String spreadPct(Spread s) {
        return s.n() == 0 ? "n/a" : f("%+.1f%% ± %.1f", 100 * s.mean(), 100 * s.std());
    }

    static String spreadSignedPts(Spread s) {
        return s.n() == 0 ? "" : f("%+.2f ± %.2f pts", 100 * s.mean(), 100 * s.std());
    }

    static String cut(OptionalDouble c) {
        return c.isPresent() ? f("%.1f%%", 100 * c.getAsDouble()) : "not reached";
    }
}
