package dev.tagrouter.ope;

/**
 * One logged decision as off-policy evaluation sees it.
 *
 * @param time      arrival time in seconds, for time windows and block bootstrap
 * @param context   the context class the policies and the outcome model condition on
 * @param action    index of the chosen model
 * @param logging   probability of every model under the logging policy (0 for models that were not eligible)
 * @param candidate probability of every model under the candidate policy
 * @param reward    observed reward (accepted 0/1, or any score)
 * @param neighbors indices of the units that may interfere with this one, chosen without looking at actions
 */
public record LoggedUnit(double time, int context, int action, double[] logging, double[] candidate, double reward,
                         int[] neighbors) {
}
