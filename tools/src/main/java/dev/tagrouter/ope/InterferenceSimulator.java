package dev.tagrouter.ope;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A simulator with known ground truth (IntIPW note, "How to show it works"): requests arrive as a Poisson process,
 * each has a context class, its neighbours are the requests of the preceding time window (average degree = rate x
 * window), and its reward is the base quality of its own model for its context, plus {@code beta} times a warm-
 * instance bonus proportional to the share of neighbours routed to the same model, minus a congestion penalty when
 * more than three neighbours share it, plus Gaussian noise.
 */
public final class InterferenceSimulator {

    // Base quality per context (rows) and model (columns): model 1 is better on contexts 2 and 3, worse on 0.
    private static final double[][] BASE = {{0.7, 0.5}, {0.6, 0.6}, {0.5, 0.7}, {0.4, 0.8}};
    private static final double WINDOW = 1.0;
    private static final double NOISE = 0.1;

    /** A stochastic policy: the probability of each model given the context class. */
    public interface Policy {
        double[] probabilities(int context);
    }

    /** The logging policy of the experiment: near-uniform with a mild preference for the better model. */
    public static final Policy LOGGING = context -> BASE[context][1] > BASE[context][0]
            ? new double[]{0.4, 0.6} : new double[]{0.6, 0.4};

    /** The candidate policy of the experiment: sends most traffic to model 1. */
    public static final Policy CANDIDATE = context -> context == 0 ? new double[]{0.5, 0.5} : new double[]{0.15, 0.85};

    private final int units;
    private final double degree;
    private final double beta;

    public InterferenceSimulator(int units, double degree, double beta) {
        this.units = units;
        this.degree = degree;
        this.beta = beta;
    }

    public static int contexts() {
        return BASE.length;
    }

    public static int actions() {
        return BASE[0].length;
    }

    /** One log: actions drawn from the logging policy, with both policies' probabilities recorded. */
    public List<LoggedUnit> log(Policy logging, Policy candidate, RandomGenerator random) {
        return run(logging, candidate, random);
    }

    /** The candidate's true mean reward: the candidate actually run in the simulator, averaged over runs. */
    public double groundTruth(Policy candidate, int runs, RandomGenerator random) {
        double total = 0;
        for (int r = 0; r < runs; r++) {
            double sum = 0;
            for (LoggedUnit u : run(candidate, candidate, random)) {
                sum += u.reward();
            }
            total += sum / units;
        }
        return total / runs;
    }

    private List<LoggedUnit> run(Policy acting, Policy candidate, RandomGenerator random) {
        double rate = degree / WINDOW;
        double[] time = new double[units];
        int[] context = new int[units];
        int[] action = new int[units];
        double t = 0;
        for (int i = 0; i < units; i++) {
            t += -Math.log(1 - random.nextDouble()) / rate;
            time[i] = t;
            context[i] = random.nextInt(BASE.length);
            action[i] = draw(acting.probabilities(context[i]), random);
        }
        List<LoggedUnit> log = new ArrayList<>(units);
        int first = 0;
        for (int i = 0; i < units; i++) {
            while (time[first] < time[i] - WINDOW) {
                first++;
            }
            int[] neighbours = new int[i - first];
            int same = 0;
            for (int j = first; j < i; j++) {
                neighbours[j - first] = j;
                if (action[j] == action[i]) {
                    same++;
                }
            }
            double share = neighbours.length == 0 ? 0 : same / (double) neighbours.length;
            double reward = BASE[context[i]][action[i]] + beta * (0.15 * share - 0.03 * Math.max(0, same - 3))
                    + NOISE * random.nextGaussian();
            log.add(new LoggedUnit(time[i], context[i], action[i], acting.probabilities(context[i]),
                    candidate.probabilities(context[i]), reward, neighbours));
        }
        return log;
    }

    private static int draw(double[] p, RandomGenerator random) {
        double u = random.nextDouble();
        double c = 0;
        for (int a = 0; a < p.length; a++) {
            c += p[a];
            if (u < c) {
                return a;
            }
        }
        return p.length - 1;
    }
}
