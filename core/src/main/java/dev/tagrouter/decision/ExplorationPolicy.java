package dev.tagrouter.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stochastic decision rule for collecting off-policy data (issue "Evolve safely"; logging policy of the
 * IntIPW note): every eligible model keeps at least {@code floor} probability, the rest follows a softmax with
 * temperature {@code temperature} over the candidates' estimates, in which the decider's own choice is lifted to the
 * best score so that a small temperature and a zero floor give back the deterministic decider.
 * {@code p_i = floor + (1 - n * floor) * exp(u_i / T) / sum_j exp(u_j / T)}, {@code u_i = S_i} except
 * {@code u_chosen = max_j S_j}. A query without a known tag is explored around the models' overall rates. The draw
 * is seeded by the request id, so a logged decision can be replayed.
 *
 * @param temperature softmax temperature in the estimates' units (accept-rate points on a calibrated table), > 0
 * @param floor       minimum probability of every eligible model, in [0, 0.5]; capped at 1/n
 * @param salt        mixed into every request's seed, so that two deployments do not explore alike
 */
public record ExplorationPolicy(double temperature, double floor, long salt) {

    public ExplorationPolicy {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("exploration temperature must be a finite number > 0, got "
                    + temperature);
        }
        if (!(floor >= 0 && floor <= 0.5)) {
            throw new IllegalArgumentException("exploration floor must be in [0, 0.5], got " + floor);
        }
    }

    /** The probability of each candidate, in the candidates' order; sums to 1. */
    public double[] probabilities(List<Candidate> candidates, Candidate chosen) {
        int n = candidates.size();
        double best = Double.NEGATIVE_INFINITY;
        for (Candidate c : candidates) {
            best = Math.max(best, c.score());
        }
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            double u = c.equals(chosen) ? best : c.score();
            p[i] = Math.exp((u - best) / temperature); // shifted by the best score: no overflow
            sum += p[i];
        }
        double f = Math.min(floor, 1.0 / n);
        for (int i = 0; i < n; i++) {
            p[i] = f + (1 - n * f) * p[i] / sum;
        }
        return p;
    }

    /** Draws an index from the probabilities with a generator seeded by the request id and the salt. */
    public int sample(double[] probabilities, String requestId) {
        double u = new SplittableRandom(seed(requestId)).nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return i;
            }
        }
        return probabilities.length - 1; // rounding left u above the last cumulative sum
    }

    private long seed(String requestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + requestId).getBytes(StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
