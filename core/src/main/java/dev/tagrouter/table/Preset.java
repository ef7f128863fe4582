package dev.tagrouter.table;

import java.util.Objects;

/**
 * A named operating point a caller can ask for instead of a number ({@code quality}, {@code balanced},
 * {@code budget}), with the accept rate and cost share it promised on held-out folds when the table was built.
 *
 * @param name           preset name
 * @param costPreference the knob it stands for
 * @param acceptRate     held-out accept rate at that knob
 * @param costShare      held-out mean cost as a share of always calling the strongest model
 * @param promise        what the point was chosen to reach, in words
 */
public record Preset(String name, double costPreference, double acceptRate, double costShare, String promise) {

    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(promise, "promise");
        TableChecks.requireFinite("costPreference", costPreference);
        TableChecks.requireUnit("acceptRate", acceptRate);
        TableChecks.requireFinite("costShare", costShare);
    }
}
