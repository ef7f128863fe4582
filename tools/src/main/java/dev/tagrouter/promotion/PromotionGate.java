package dev.tagrouter.promotion;

import dev.tagrouter.ope.EstimateReport;
import dev.tagrouter.ope.LogEvaluation;

/**
 * The rule that decides whether a candidate table may replace the live one, from off-policy estimates of both on
 * the same log (docs/off-policy-evaluation.md, "Promotion gate"):
 * <ol>
 *   <li><b>not enough data</b> when fewer than {@code minDecisions} logged decisions with an outcome could be replayed
 *       by both tables, or either table's effective sample size under the verdict's estimator is below
 *       {@code minEffectiveSample};</li>
 *   <li><b>promote</b> when the lower bound of the paired 95% interval of the accept-rate difference (candidate minus
 *       live) is at least {@code -margin}, and either the candidate is cheaper beyond sampling error (the upper bound
 *       of the cost difference is below 0) or it is better by the tables' own objective beyond sampling error (the
 *       lower bound of the utility difference, accept rate less cost priced at the cost preference, is above 0);</li>
 *   <li><b>keep</b> otherwise.</li>
 * </ol>
 *
 * @param estimator          the estimator the verdict reads (SNIPW, DR or SN-IntIPW (count))
 * @param margin             accept rate the candidate may lose, at the interval's lower bound, in exchange for cost
 * @param minDecisions       decisions below which nothing is concluded
 * @param minEffectiveSample effective sample size below which nothing is concluded
 */
public record PromotionGate(String estimator, double margin, long minDecisions, double minEffectiveSample) {

    /** The verdict, with the exit code a CI/CD step can branch on. */
    public enum Verdict {
        PROMOTE(0), KEEP(3), NOT_ENOUGH_DATA(4);

        private final int exitCode;

        Verdict(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** The verdict and the sentence that explains it. */
    public record Decision(Verdict verdict, String reason) {
    }

    public PromotionGate {
        if (!LogEvaluation.ESTIMATORS.contains(estimator)) {
            throw new IllegalArgumentException("the verdict's estimator must be one of " + LogEvaluation.ESTIMATORS
                    + ", got '" + estimator + "'");
        }
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1), got " + margin);
        }
        if (minDecisions < 1 || !(minEffectiveSample >= 1)) {
            throw new IllegalArgumentException("minDecisions and minEffectiveSample must be >= 1");
        }
    }

    /**
     * Decides from the evaluation of [live, candidate] and the differences already computed for the verdict.
     *
     * @param acceptRate the candidate-minus-live accept-rate difference
     * @param cost       the candidate-minus-live cost-per-request difference
     * @param utility    the candidate-minus-live utility difference
     */
    public Decision decide(LogEvaluation.Result result, LogEvaluation.Difference acceptRate,
                           LogEvaluation.Difference cost, LogEvaluation.Difference utility) {
        EstimateReport live = result.policies().get(0).estimate(estimator);
        EstimateReport candidate = result.policies().get(1).estimate(estimator);
        if (result.routable() < minDecisions) {
            return new Decision(Verdict.NOT_ENOUGH_DATA, String.format(
                    "only %d logged decisions with an outcome could be replayed by both tables (minimum %d)",
                    result.routable(), minDecisions));
        }
        double ess = Math.min(live.effectiveSampleSize(), candidate.effectiveSampleSize());
        if (ess < minEffectiveSample || Double.isNaN(acceptRate.ciLow())) {
            return new Decision(Verdict.NOT_ENOUGH_DATA, String.format(
                    "effective sample size %.1f under %s is below %.0f: the log explored too little where the tables"
                            + " differ", ess, estimator, minEffectiveSample));
        }
        if (acceptRate.ciLow() < -margin) {
            return new Decision(Verdict.KEEP, String.format("the candidate may lose up to %.4f of accept rate (lower"
                    + " bound of the 95%% interval), more than the margin %.4f", -acceptRate.ciLow(), margin));
        }
        if (cost.ciHigh() < 0) {
            return new Decision(Verdict.PROMOTE, String.format("the candidate is cheaper (cost difference at most"
                    + " %.3g USD per request) and loses at most %.4f of accept rate", cost.ciHigh(),
                    Math.max(0, -acceptRate.ciLow())));
        }
        if (utility.ciLow() > 0) {
            return new Decision(Verdict.PROMOTE, String.format("the candidate is better by the tables' objective"
                    + " (utility difference at least %+.4f) and loses at most %.4f of accept rate", utility.ciLow(),
                    Math.max(0, -acceptRate.ciLow())));
        }
        return new Decision(Verdict.KEEP, String.format("the candidate is neither cheaper nor better beyond sampling"
                + " error (utility difference interval [%+.4f, %+.4f])", utility.ciLow(), utility.ciHigh()));
    }
}
