package dev.tagrouter.ope;

import java.util.List;

/**
 * The direct method's outcome model q(x, a): the mean logged reward per (context, action), falling back to the
 * action's mean and then the overall mean where a cell is empty. Deliberately simple: it ignores exposure, which is
 * what makes DM and DR biased under interference, as the note predicts.
 */
final class OutcomeModel {

    private final double[][] mean;

    OutcomeModel(List<LoggedUnit> units, int contexts, int actions) {
        double[][] sum = new double[contexts][actions];
        int[][] count = new int[contexts][actions];
        double[] actionSum = new double[actions];
        int[] actionCount = new int[actions];
        double total = 0;
        for (LoggedUnit u : units) {
            sum[u.context()][u.action()] += u.reward();
            count[u.context()][u.action()]++;
            actionSum[u.action()] += u.reward();
            actionCount[u.action()]++;
            total += u.reward();
        }
        double overall = units.isEmpty() ? 0 : total / units.size();
        mean = new double[contexts][actions];
        for (int c = 0; c < contexts; c++) {
            for (int a = 0; a < actions; a++) {
                mean[c][a] = count[c][a] > 0 ? sum[c][a] / count[c][a]
                        : actionCount[a] > 0 ? actionSum[a] / actionCount[a] : overall;
            }
        }
    }

    double predict(int context, int action) {
        return mean[context][action];
    }

    /** Expected reward of the candidate policy at this unit's context. */
    double candidateValue(LoggedUnit unit) {
        double v = 0;
        for (int a = 0; a < unit.candidate().length; a++) {
            v += unit.candidate()[a] * predict(unit.context(), a);
        }
        return v;
    }
}
