package dev.tagrouter.ope;

import java.util.List;

/**
 * A summary of the neighbours' actions seen by one unit (IntIPW note, "Setup"): how many neighbours were routed to
 * the unit's own model, or only whether at least one was (a warm instance, a cache). The previous turn of a session
 * is the count exposure over a one-neighbour set, so it needs no kind of its own.
 */
public enum Exposure {
    COUNT, ANY;

    /** The exposure the unit actually had. */
    public int observed(LoggedUnit unit, List<LoggedUnit> units) {
        int same = 0;
        for (int j : unit.neighbors()) {
            if (units.get(j).action() == unit.action()) {
                same++;
            }
        }
        return this == ANY ? Math.min(same, 1) : same;
    }

    /** Probability of that exposure when every neighbour draws independently from the given policy. */
    public double probability(LoggedUnit unit, List<LoggedUnit> units, boolean candidate, int exposure) {
        double[] p = new double[unit.neighbors().length];
        for (int n = 0; n < p.length; n++) {
            LoggedUnit neighbour = units.get(unit.neighbors()[n]);
            p[n] = (candidate ? neighbour.candidate() : neighbour.logging())[unit.action()];
        }
        return probability(PoissonBinomial.distribution(p), exposure);
    }

    /** Probability of that exposure given the distribution of the number of neighbours on the unit's model. */
    public double probability(double[] sameModel, int exposure) {
        if (this == COUNT) {
            return sameModel[exposure];
        }
        return exposure == 0 ? sameModel[0] : 1 - sameModel[0];
    }
}
