package dev.tagrouter.evaluation;

import java.util.Arrays;
import java.util.List;

/**
 * Traces a router's AR-vs-cost curve (TagRouter section 4, "sweeping theta") on one fold: the theta grid is the
 * 0%, 100/steps %, ..., 100% quantiles of the fold's own score differences at which some choice changes, plus one
 * value above the largest, so the curve runs from (nearly) always-cheapest to always-most-expensive. Quantile grids
 * give every fold the same number of points, so curves can be averaged point by point across folds. The grid only
 * looks at the routers' scores, never at the held-out outcomes.
 */
public final class ThetaSweep {

    private final int steps;

    public ThetaSweep(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.steps = steps;
    }

    /** Number of points of every curve. */
    public int points() {
        return steps + 2;
    }

    public double[] grid(List<PromptChoice> prompts, DecisionRule rule) {
        double[] values = prompts.stream().filter(p -> !p.isFixed())
                .flatMapToDouble(p -> {
                    java.util.stream.DoubleStream.Builder b = java.util.stream.DoubleStream.builder();
                    rule.breakpoints(p.byCost(), b);
                    return b.build();
                })
                .filter(Double::isFinite).sorted().toArray();
        double[] grid = new double[points()];
        if (values.length == 0) {
            return grid; // every choice is fixed: theta does not matter
        }
        for (int j = 0; j <= steps; j++) {
            grid[j] = values[(int) Math.round(j / (double) steps * (values.length - 1))];
        }
        double max = values[values.length - 1];
        grid[steps + 1] = max + Math.max(1e-6, Math.abs(max) * 1e-6);
        return grid;
    }

    /** The operating point at each theta of the grid. */
    public List<OperatingPoint> sweep(PoolData data, List<PromptChoice> prompts, DecisionRule rule, double[] grid) {
        int[] positions = prompts.stream().mapToInt(PromptChoice::prompt).toArray();
        OperatingPoint[] points = new OperatingPoint[grid.length];
        int[] chosen = new int[prompts.size()];
        for (int j = 0; j < grid.length; j++) {
            for (int i = 0; i < prompts.size(); i++) {
                PromptChoice p = prompts.get(i);
                chosen[i] = p.isFixed() ? p.fixedModel() : p.modelIndex()[rule.choose(p.byCost(), grid[j])];
            }
            points[j] = OperatingPoint.of(data, positions, chosen, grid[j]);
        }
        return Arrays.asList(points);
    }
}
