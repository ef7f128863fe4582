package dev.tagrouter.ope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Bias and RMSE of every estimator over seeded replications of the simulator, for each interference strength beta
 * and average degree: the table of {@code docs/off-policy-evaluation.md}.
 */
public final class InterferenceExperiment {

    /** One cell: an estimator's bias and RMSE at one beta, degree and log size. */
    public record Row(double beta, double degree, int units, String estimator, double truth, double bias,
                      double rmse) {
    }

    public List<Row> run(double[] betas, double[] degrees, int units, int replications, long seed) {
        List<Row> rows = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        List<Estimator> estimators = Estimator.standardSet(InterferenceSimulator.contexts(),
                InterferenceSimulator.actions());
        for (double beta : betas) {
            for (double degree : degrees) {
                InterferenceSimulator sim = new InterferenceSimulator(units, degree, beta);
                double truth = sim.groundTruth(InterferenceSimulator.CANDIDATE, 200, random.split());
                double[][] estimates = new double[estimators.size()][replications];
                for (int r = 0; r < replications; r++) {
                    List<LoggedUnit> log = sim.log(InterferenceSimulator.LOGGING, InterferenceSimulator.CANDIDATE,
                            random.split());
                    for (int e = 0; e < estimators.size(); e++) {
                        estimates[e][r] = estimators.get(e).contributions(log).value();
                    }
                }
                for (int e = 0; e < estimators.size(); e++) {
                    double sum = 0;
                    double squares = 0;
                    for (double v : estimates[e]) {
                        sum += v - truth;
                        squares += (v - truth) * (v - truth);
                    }
                    rows.add(new Row(beta, degree, units, estimators.get(e).name(), truth, sum / replications,
                            Math.sqrt(squares / replications)));
                }
            }
        }
        return rows;
    }

    /** The rows as a Markdown table, one line per (beta, degree, estimator). */
    public static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder("| beta | degree | units | truth | estimator | bias | RMSE |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %.0f | %.0f | %d | %.4f | %s | %+.4f | %.4f |%n", r.beta(),
                    r.degree(), r.units(), r.truth(), r.estimator(), r.bias(), r.rmse()));
        }
        return md.toString();
    }
}
