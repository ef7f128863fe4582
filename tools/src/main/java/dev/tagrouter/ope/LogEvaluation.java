package dev.tagrouter.ope;

import dev.tagrouter.decisionlog.DecisionLogEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Evaluates a candidate table on the router's own decision log: joins outcomes by request id, turns each decision
 * into a {@link LoggedUnit} (logged probability vector, the candidate's, neighbours by arrival window or
 * by the previous turn of the session), and reports every estimator of the accept rate.
 */
public final class LogEvaluation {

    /** How neighbours are found: requests of the preceding time window, or the previous turn of the same session. */
    public enum Neighbours { WINDOW, SESSION }

    /**
     * Accept-rate estimates, with how many decisions had an outcome and how many the candidate could route, and the
     * mean estimated cost per decision of the logged choices and of the candidate's (both from list prices and the
     * logged input tokens: the candidate's cost needs no weighting, it is known for every logged request).
     */
    public record Result(int decisions, int withOutcome, int routable, List<EstimateReport> estimates,
                         double loggedMeanCostUsd, double candidateMeanCostUsd) {
    }

    // Exposure probabilities cost O(k^2) in the neighbour count k; the most recent ones carry the interference.
    private static final int MAX_NEIGHBOURS = 32;

    public Result evaluate(List<DecisionLogEntry> log, Map<String, DecisionLogReader.Outcome> outcomes,
                           CandidateTablePolicy candidate, Neighbours neighbours, double windowSeconds,
                           RandomGenerator random) {
        Map<String, Integer> models = new LinkedHashMap<>();
        List<DecisionLogEntry> kept = new ArrayList<>();
        List<CandidateTablePolicy.Replay> choices = new ArrayList<>();
        double loggedCost = 0;
        double candidateCost = 0;
        for (DecisionLogEntry e : log) {
            DecisionLogReader.Outcome o = outcomes.get(e.requestId());
            if (o == null) {
                continue;
            }
            java.util.Optional<CandidateTablePolicy.Replay> replay = candidate.replay(e);
            if (replay.isEmpty()) {
                continue;
            }
            loggedCost += e.estimatedCostUsd();
            candidateCost += replay.get().expectedCostUsd();
            e.probabilities().keySet().forEach(m -> models.putIfAbsent(m, models.size()));
            kept.add(e);
            choices.add(replay.get());
        }
        int withOutcome = (int) log.stream().filter(e -> outcomes.containsKey(e.requestId())).count();
        List<LoggedUnit> units = new ArrayList<>(kept.size());
        Map<String, Integer> lastOfSession = new HashMap<>();
        double[] times = new double[kept.size()];
        int first = 0;
        for (int i = 0; i < kept.size(); i++) {
            DecisionLogEntry e = kept.get(i);
            Instant at = Instant.parse(e.timestamp());
            times[i] = at.getEpochSecond() + at.getNano() / 1e9;
            int[] near;
            if (neighbours == Neighbours.SESSION) {
                Integer previous = e.sessionId() == null ? null : lastOfSession.put(e.sessionId(), i);
                near = previous == null ? new int[0] : new int[]{previous};
            } else {
                while (times[first] < times[i] - windowSeconds) {
                    first++;
                }
                int from = Math.max(first, i - MAX_NEIGHBOURS);
                near = new int[i - from];
                for (int j = from; j < i; j++) {
                    near[j - from] = j;
                }
            }
            double[] logging = new double[models.size()];
            e.probabilities().forEach((m, p) -> logging[models.get(m)] = p);
            double[] cand = new double[models.size()];
            choices.get(i).probabilities().forEach((m, p) -> cand[models.get(m)] = p);
            units.add(new LoggedUnit(times[i], 0, models.get(e.chosenModel()), logging, cand,
                    outcomes.get(e.requestId()).accepted() ? 1 : 0, near));
        }
        List<EstimateReport> reports = new ArrayList<>();
        int blockLength = Math.max(1, (int) Math.sqrt(units.size()));
        for (Estimator estimator : Estimator.standardSet(1, Math.max(1, models.size()))) {
            reports.add(EstimateReport.of(estimator, units, 200, blockLength, random));
        }
        int n = Math.max(1, units.size());
        return new Result(log.size(), withOutcome, units.size(), reports, loggedCost / n, candidateCost / n);
    }
}
