package dev.tagrouter.ope;

import java.util.List;

/**
 * Importance weight of one unit (IntIPW note, "Estimators"). OWN is IPW's pi_e(a_i)/pi_0(a_i), which ignores
 * interference; INTERFERENCE multiplies it by P_e(e_i)/P_0(e_i) for an exposure (IntIPW); JOINT multiplies it by the
 * ratio of every neighbour's own action, the naive way to account for all neighbours at once.
 */
public interface WeightRule {

    double weight(LoggedUnit unit, List<LoggedUnit> units);

    WeightRule OWN = (unit, units) -> ratio(unit);

    WeightRule JOINT = (unit, units) -> {
        double w = ratio(unit);
        for (int j : unit.neighbors()) {
            w *= ratio(units.get(j));
        }
        return w;
    };

    static WeightRule interference(Exposure exposure) {
        return (unit, units) -> {
            int e = exposure.observed(unit, units);
            double logged = exposure.probability(unit, units, false, e);
            return logged == 0 ? 0 : ratio(unit) * exposure.probability(unit, units, true, e) / logged;
        };
    }

    private static double ratio(LoggedUnit unit) {
        return unit.candidate()[unit.action()] / unit.logging()[unit.action()];
    }
}
