package dev.tagrouter.evaluation;

/**
 * One cross-validation fold: positions of the training and held-out prompts in a {@link PoolData}, each ascending.
 */
public record Fold(int index, int[] train, int[] test) {
}
