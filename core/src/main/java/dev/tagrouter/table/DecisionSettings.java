package dev.tagrouter.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a table is meant to be served: its decision rule, its cross-validated accept-rate/cost curve, the named presets
 * picked on that curve and the preset used when a request names none.
 *
 * @param rule          the decision rule
 * @param costScaleUsd  the cost the utility rule counts its knob against: the mean estimated cost of a training
 *                      prompt on the dearest model, so that a knob of -0.1 gives up 0.1 accept rate to save one
 *                      such call
 * @param defaultPreset preset used when neither the request nor the configuration sets a cost preference; null for
 *                      a table without presets (the preference is then 0: the best estimate)
 * @param presets       named operating points
 * @param curve         held-out points over the knob's whole range, cheapest first
 * @param curveFolds    folds of the cross-validation that measured the curve (0: no curve)
 */
public record DecisionSettings(DecisionRuleName rule, double costScaleUsd, String defaultPreset, List<Preset> presets,
                               List<CurvePoint> curve, int curveFolds) {

    public DecisionSettings {
        Objects.requireNonNull(rule, "rule");
        if (!(costScaleUsd > 0) || !Double.isFinite(costScaleUsd)) {
            throw new IllegalArgumentException("costScaleUsd must be a finite number > 0, got " + costScaleUsd);
        }
        presets = List.copyOf(presets);
        curve = List.copyOf(curve);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Preset p : presets) {
            if (!p.name().equals(p.name().toLowerCase(java.util.Locale.ROOT)) || !names.add(p.name())) {
                throw new IllegalArgumentException("preset names must be lower case and unique, got '" + p.name()
                        + "'");
            }
        }
        if (defaultPreset != null && presets.stream().noneMatch(p -> p.name().equals(defaultPreset))) {
            throw new IllegalArgumentException("defaultPreset '" + defaultPreset + "' is not one of the presets");
        }
    }

    /** A rule without curve or presets: tables built for a single cross-validation fold, tests. */
    public static DecisionSettings bare(DecisionRuleName rule, double costScaleUsd) {
        return new DecisionSettings(rule, costScaleUsd, null, List.of(), List.of(), 0);
    }

    public Optional<Preset> preset(String name) {
        return presets.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public DecisionSettings withCurve(List<CurvePoint> points, List<Preset> named, String defaultName, int folds) {
        return new DecisionSettings(rule, costScaleUsd, defaultName, named, points, folds);
    }
}
