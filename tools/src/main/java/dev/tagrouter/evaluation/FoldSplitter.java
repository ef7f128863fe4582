package dev.tagrouter.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Splits prompt positions into k folds after a seeded shuffle; every prompt is held out exactly once. */
public final class FoldSplitter {

    public List<Fold> split(int prompts, int k, Random random) {
        if (k < 2 || k > prompts) {
            throw new IllegalArgumentException("folds must be between 2 and the number of prompts (" + prompts
                    + "), got " + k);
        }
        List<Integer> order = new ArrayList<>(prompts);
        for (int i = 0; i < prompts; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int[] foldOf = new int[prompts];
        for (int i = 0; i < prompts; i++) {
            // Dealing the shuffled prompts round-robin keeps fold sizes within one of each other.
            foldOf[order.get(i)] = i % k;
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            final int fold = f;
            int[] test = java.util.stream.IntStream.range(0, prompts).filter(p -> foldOf[p] == fold).toArray();
            int[] train = java.util.stream.IntStream.range(0, prompts).filter(p -> foldOf[p] != fold).toArray();
            folds.add(new Fold(f, train, test));
        }
        return folds;
    }

    static boolean isPartition(List<Fold> folds, int prompts) {
        int[] seen = new int[prompts];
        for (Fold f : folds) {
            Arrays.stream(f.test()).forEach(p -> seen[p]++);
        }
        return Arrays.stream(seen).allMatch(c -> c == 1);
    }
}
