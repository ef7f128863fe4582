package dev.tagrouter.ope;

import java.util.List;

/** An off-policy estimator of the candidate policy's mean reward, as per-unit terms. */
public interface Estimator {

    String name();

    Contributions contributions(List<LoggedUnit> units);

    /** IPW (plain) or SNIPW (self-normalised) with the given weight rule. */
    static Estimator weighted(String name, WeightRule rule, boolean selfNormalised) {
        return new Named(name, units -> {
            int n = units.size();
            double[] num = new double[n];
            double[] den = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = rule.weight(units.get(i), units);
                num[i] = w[i] * units.get(i).reward();
                den[i] = selfNormalised ? w[i] : 1;
            }
            return new Contributions(num, den, w);
        });
    }

    /** Direct method (doublyRobust false) or doubly robust with IPW weights (true), over an outcome model. */
    static Estimator modelBased(String name, int contexts, int actions, boolean doublyRobust) {
        return new Named(name, units -> {
            OutcomeModel q = new OutcomeModel(units, contexts, actions);
            int n = units.size();
            double[] num = new double[n];
            double[] den = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                LoggedUnit u = units.get(i);
                w[i] = doublyRobust ? WeightRule.OWN.weight(u, units) : 1;
                num[i] = q.candidateValue(u)
                        + (doublyRobust ? w[i] * (u.reward() - q.predict(u.context(), u.action())) : 0);
                den[i] = 1;
            }
            return new Contributions(num, den, w);
        });
    }

    /** An estimator given by its name and its computation. */
    record Named(String name, java.util.function.Function<List<LoggedUnit>, Contributions> computation)
            implements Estimator {
        @Override
        public Contributions contributions(List<LoggedUnit> units) {
            return computation.apply(units);
        }
    }

    /** The estimators the issue asks for, in report order. */
    static List<Estimator> standardSet(int contexts, int actions) {
        return List.of(
                weighted("IPW", WeightRule.OWN, false),
                weighted("SNIPW", WeightRule.OWN, true),
                modelBased("DM", contexts, actions, false),
                modelBased("DR", contexts, actions, true),
                weighted("IntIPW (count)", WeightRule.interference(Exposure.COUNT), false),
                weighted("SN-IntIPW (count)", WeightRule.interference(Exposure.COUNT), true),
                weighted("SN-IntIPW (any)", WeightRule.interference(Exposure.ANY), true),
                weighted("SN-joint (all neighbours)", WeightRule.JOINT, true));
    }
}
