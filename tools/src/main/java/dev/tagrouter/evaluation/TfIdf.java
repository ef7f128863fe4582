package dev.tagrouter.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors of prompts (sublinear term frequency {@code 1 + ln tf}, smoothed idf
 * {@code ln((1 + N) / (1 + df)) + 1}, unit length), fitted on training prompts only, as in RouterBench's kNN router.
 */
final class TfIdf {

    private final Map<String, Integer> index = new HashMap<>();
    private final double[] idf;

    /** A sparse unit vector: ascending term ids and their weights. */
    record Vector(int[] ids, double[] weights) {

        double dot(Vector other) {
            double sum = 0;
            int i = 0;
            int j = 0;
            while (i < ids.length && j < other.ids.length) {
                if (ids[i] == other.ids[j]) {
                    sum += weights[i++] * other.weights[j++];
                } else if (ids[i] < other.ids[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return sum;
        }
    }

    TfIdf(List<String> trainingTexts) {
        Map<String, Integer> df = new HashMap<>();
        for (String text : trainingTexts) {
            for (String w : new java.util.HashSet<>(Words.of(text))) {
                df.merge(w, 1, Integer::sum);
            }
        }
        idf = new double[df.size()];
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(df).entrySet()) {
            int id = index.size();
            index.put(e.getKey(), id);
            idf[id] = Math.log((1.0 + trainingTexts.size()) / (1.0 + e.getValue())) + 1;
        }
    }

    /** Words unseen in training carry no weight. */
    Vector vector(String text) {
        java.util.TreeMap<Integer, Integer> tf = new java.util.TreeMap<>();
        for (String w : Words.of(text)) {
            Integer id = index.get(w);
            if (id != null) {
                tf.merge(id, 1, Integer::sum);
            }
        }
        int[] ids = new int[tf.size()];
        double[] weights = new double[tf.size()];
        double norm = 0;
        int k = 0;
        for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
            ids[k] = e.getKey();
            weights[k] = (1 + Math.log(e.getValue())) * idf[e.getKey()];
            norm += weights[k] * weights[k];
            k++;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < weights.length && norm > 0; i++) {
            weights[i] /= norm;
        }
        return new Vector(ids, weights);
    }
}
