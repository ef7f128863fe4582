package dev.tagrouter.decision;

import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.Preset;

import java.util.Locale;
import java.util.Objects;

/**
 * What a caller asks of the cost/quality trade-off: a number for the decision rule's knob, or the name of one of the
 * table's presets.
 *
 * @param preset a preset name, or null
 * @param value  the knob, or null when a preset is named
 */
public record CostPreference(String preset, Double value) {

    /** Largest |value| accepted: far beyond any value that still changes a decision. */
    public static final double MAX_ABS = 1e6;

    public CostPreference {
        if ((preset == null) == (value == null)) {
            throw new IllegalArgumentException("a cost preference is either a preset name or a number");
        }
        if (value != null && (!Double.isFinite(value) || Math.abs(value) > MAX_ABS)) {
            throw new IllegalArgumentException("a cost preference must be a finite number within +-" + MAX_ABS
                    + ", got " + value);
        }
    }

    public static CostPreference of(double value) {
        return new CostPreference(null, value);
    }

    public static CostPreference preset(String name) {
        return new CostPreference(Objects.requireNonNull(name, "name"), null);
    }

    /** What a table is served with when nothing else is asked: its default preset, else 0 (the best estimate). */
    public static CostPreference tableDefault(DecisionSettings settings) {
        return settings.defaultPreset() == null ? of(0) : preset(settings.defaultPreset());
    }

    /** Reads a command-line or configuration value: a number, else a preset name. */
    public static CostPreference parse(String text) {
        String t = text.strip();
        try {
            return of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return preset(t.toLowerCase(Locale.ROOT));
        }
    }

    /** The number this preference stands for with a table's settings, or an exception naming the table's presets. */
    public double resolve(DecisionSettings settings) {
        if (value != null) {
            return value;
        }
        return settings.preset(preset).map(Preset::costPreference).orElseThrow(() -> new IllegalArgumentException(
                "unknown cost preset '" + preset + "'; this table has " + (settings.presets().isEmpty() ? "none"
                        : settings.presets().stream().map(Preset::name).toList())));
    }

    @Override
    public String toString() {
        return preset != null ? preset : String.valueOf(value);
    }
}
