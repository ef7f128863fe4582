package dev.tagrouter.evaluation;

import dev.tagrouter.table.ModelEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The RouterBench kNN router (Hu et al. 2024, section 4, "KNN"): a held-out prompt's score for a model is the share
 * of accepted answers of that model among the k training prompts most similar to it (cosine of TF-IDF vectors).
 * These scores go through the same decision rule and theta sweep as TagRouter's, so kNN also yields a curve and the
 * comparison isolates the scores. Without any similar training prompt the share over all training prompts is used.
 */
final class KnnBaseline {

    private final int k;
    private final Candidates candidates = new Candidates();

    KnnBaseline(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
    }

    List<PromptChoice> choices(PoolData data, Fold fold, List<ModelEntry> models) {
        int[] train = fold.train();
        List<String> texts = new ArrayList<>(train.length);
        for (int p : train) {
            texts.add(data.prompts().get(p).text());
        }
        TfIdf tfidf = new TfIdf(texts);
        TfIdf.Vector[] vectors = new TfIdf.Vector[train.length];
        for (int i = 0; i < train.length; i++) {
            vectors[i] = tfidf.vector(texts.get(i));
        }
        int[] poolIndex = models.stream().mapToInt(m -> data.modelIndex(m.name())).toArray();
        double[] prior = new double[models.size()];
        for (int p : train) {
            for (int m = 0; m < models.size(); m++) {
                prior[m] += data.accepted(p, poolIndex[m]) ? 1.0 / train.length : 0;
            }
        }
        List<PromptChoice> out = new ArrayList<>(fold.test().length);
        for (int p : fold.test()) {
            TfIdf.Vector v = tfidf.vector(data.prompts().get(p).text());
            // Min-heap of (similarity, training position) keeps the k most similar.
            PriorityQueue<double[]> nearest = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
            for (int i = 0; i < train.length; i++) {
                double s = v.dot(vectors[i]);
                if (s <= 0) {
                    continue;
                }
                if (nearest.size() < k) {
                    nearest.add(new double[]{s, i});
                } else if (s > nearest.peek()[0]) {
                    nearest.poll();
                    nearest.add(new double[]{s, i});
                }
            }
            double[] scores = nearest.isEmpty() ? prior.clone() : new double[models.size()];
            for (double[] n : nearest) {
                int neighbour = train[(int) n[1]];
                for (int m = 0; m < models.size(); m++) {
                    scores[m] += data.accepted(neighbour, poolIndex[m]) ? 1.0 / nearest.size() : 0;
                }
            }
            out.add(candidates.of(data, p, models, scores));
        }
        return out;
    }
}
