package dev.tagrouter.evaluation;

/**
 * A swept method's choices on every held-out prompt of a run, each prompt routed by its own fold's router with the
 * run's common grid: the material of the paired bootstrap over prompts.
 *
 * @param grid    the cost preferences swept
 * @param prompts pool positions of the held-out prompts
 * @param chosen  {@code chosen[j][i]}: pool position of the model chosen for {@code prompts[i]} at {@code grid[j]}
 */
public record PooledChoices(double[] grid, int[] prompts, int[][] chosen) {
}
