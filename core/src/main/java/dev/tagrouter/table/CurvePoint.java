package dev.tagrouter.table;

/**
 * One point of a table's cross-validated accept-rate/cost curve.
 *
 * @param costPreference the decision rule's knob that produced it
 * @param acceptRate     held-out accept rate at that knob
 * @param costShare      held-out mean cost as a share of always calling the strongest model
 */
public record CurvePoint(double costPreference, double acceptRate, double costShare) {

    public CurvePoint {
        TableChecks.requireFinite("costPreference", costPreference);
        TableChecks.requireUnit("acceptRate", acceptRate);
        TableChecks.requireFinite("costShare", costShare);
        if (costShare < 0) {
            throw new IllegalArgumentException("costShare must be >= 0, got " + costShare);
        }
    }
}
