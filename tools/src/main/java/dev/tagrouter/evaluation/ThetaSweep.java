package dev.tagrouter.evaluation;

import dev.tagrouter.decision.DecisionRule;

import java.util.Arrays;
import java.util.List;

/**
 * Traces a router's AR-vs-cost curve (TagRouter section 4, "sweeping theta") by sweeping the decision rule's cost
 * preference: the grid is the 0%, 100/steps %, ..., 100% quantiles of the values at which some choice changes,
 * pooled over every fold's held-out prompts, plus one value below the lowest and one above the highest, so the curve
 * runs from always-cheapest to always-best-estimate. One grid for all folds means point j of every fold was routed
 * with the same knob, so curves average point by point and pooled held-out prompts form one curve. The grid looks
 * only at the routers' values, never at the held-out outcomes.
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
        return steps + 3;
    }

    public double[] grid(List<PromptChoice> prompts, DecisionRule rule) {
        double[] values = prompts.stream()
                .flatMapToDouble(p -> {
                    java.util.stream.DoubleStream.Builder b = java.util.stream.DoubleStream.builder();
                    rule.breakpoints(p.byCost(), b);
                    return b.build();
                })
                .filter(Double::isFinite).sorted().toArray();
        double[] grid = new double[points()];
        if (values.length == 0) {
            return grid; // one candidate everywhere: the knob does not matter
        }
        double min = values[0];
        double max = values[values.length - 1];
        grid[0] = min - Math.max(1e-6, Math.abs(min) * 1e-6);
        for (int j = 0; j <= steps; j++) {
            grid[j + 1] = values[(int) Math.round(j / (double) steps * (values.length - 1))];
        }
        grid[steps + 2] = max + Math.max(1e-6, Math.abs(max) * 1e-6);
        return grid;
    }

    /** The chosen pool position of each prompt at each knob of the grid: {@code [grid position][prompt]}. */
    public int[][] choices(List<PromptChoice> prompts, DecisionRule rule, double[] grid) {
        int[][] chosen = new int[grid.length][prompts.size()];
        for (int j = 0; j < grid.length; j++) {
            for (int i = 0; i < prompts.size(); i++) {
                PromptChoice p = prompts.get(i);
                chosen[j][i] = p.modelIndex()[rule.choose(p.byCost(), grid[j])];
            }
        }
        return chosen;
    }

    /** The operating point at each knob of the grid. */
    public List<OperatingPoint> sweep(PoolData data, List<PromptChoice> prompts, DecisionRule rule, double[] grid) {
        int[] positions = prompts.stream().mapToInt(PromptChoice::prompt).toArray();
        int[][] chosen = choices(prompts, rule, grid);
        OperatingPoint[] points = new OperatingPoint[grid.length];
        for (int j = 0; j < grid.length; j++) {
            points[j] = OperatingPoint.of(data, positions, chosen[j], grid[j]);
        }
        return Arrays.asList(points);
    }
}
