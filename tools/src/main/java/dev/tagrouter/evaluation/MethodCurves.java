package dev.tagrouter.evaluation;

import java.util.List;

/**
 * A method's operating points on each fold, and its curve over all folds (points averaged by position for theta
 * sweeps, whose quantile grids have the same length on every fold).
 *
 * @param name     label in the report
 * @param kind     what sort of method
 * @param folds    points per fold
 * @param averaged points of the fold-averaged curve
 * @param pooled   for swept methods, the choices on every held-out prompt; null otherwise
 */
public record MethodCurves(String name, Kind kind, List<List<OperatingPoint>> folds, List<OperatingPoint> averaged,
                           PooledChoices pooled) {

    /** What sort of method produced the curves: SWEEP is tagrouter, KNN the kNN baseline. */
    public enum Kind {
        ORACLE, SINGLE, RANDOM, KNN, SWEEP;

        /** Whether the method traces a curve by sweeping a decision rule's knob. */
        public boolean swept() {
            return this == KNN || this == SWEEP;
        }
    }

    public MethodCurves {
        folds = List.copyOf(folds);
        averaged = List.copyOf(averaged);
    }

    /** Averages point j over the folds' point j; folds must have equally many points. */
    static List<OperatingPoint> averageByPosition(List<List<OperatingPoint>> folds) {
        int n = folds.get(0).size();
        java.util.ArrayList<OperatingPoint> out = new java.util.ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            double theta = 0;
            double ar = 0;
            double mean = 0;
            double total = 0;
            for (List<OperatingPoint> f : folds) {
                OperatingPoint p = f.get(j);
                theta += p.theta();
                ar += p.acceptRate();
                mean += p.meanCostUsd();
                total += p.totalCostUsd();
            }
            int k = folds.size();
            out.add(new OperatingPoint(theta / k, ar / k, mean / k, total));
        }
        return out;
    }
}
