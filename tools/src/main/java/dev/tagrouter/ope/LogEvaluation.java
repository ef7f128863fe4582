package dev.tagrouter.ope;

import dev.tagrouter.decisionlog.DecisionLogEntry;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Evaluates one or more tables on the router's own decision log in one streaming pass: joins outcomes by request id,
 * replays each decision through every policy, and keeps only sums per block of consecutive decisions, so memory does
 * not grow with the log. Every estimator of the IntIPW note is reported with a block-bootstrap interval; resampling
 * the same blocks for every policy gives paired intervals of their differences.
 */
public final class LogEvaluation {

    /** How neighbours are found: requests of the preceding time window, or the previous turn of the same session. */
    public enum Neighbours { WINDOW, SESSION }

    /** The estimators in report order (the names of {@link Estimator#standardSet}). */
    public static final List<String> ESTIMATORS = List.of("IPW", "SNIPW", "DM", "DR", "IntIPW (count)",
            "SN-IntIPW (count)", "SN-IntIPW (any)", "SN-joint (all neighbours)");

    /** Name of the cost-per-request figure next to the estimators in bootstrap results and differences. */
    public static final String COST = "cost per request";

    /** Where neighbours come from, and the bootstrap. */
    public record Settings(Neighbours neighbours, double windowSeconds, int replicates, long seed) {
        public static final Settings DEFAULTS = new Settings(Neighbours.WINDOW, 1, 200, 1);
    }

    /** A decision log as a stream of entries. */
    @FunctionalInterface
    public interface DecisionSource {
        void forEach(Consumer<DecisionLogEntry> sink) throws IOException;

        static DecisionSource of(LogFiles files) {
            return files::forEachDecision;
        }
    }

    /**
     * One policy's estimates: every estimator of its accept rate, its mean estimated cost per request (list prices
     * and the logged input tokens: known for every logged request, so not weighted), and, when outcomes report
     * real costs, the self-normalised IPW estimate of its real cost per request (else null).
     */
    public record PolicyResult(List<EstimateReport> estimates, EstimateReport meanCostUsd,
                               EstimateReport realCostUsd) {
        public EstimateReport estimate(String name) {
            return estimates.stream().filter(r -> r.estimator().equals(name)).findFirst().orElseThrow();
        }
    }

    /** A paired difference (policy minus the first policy) of one estimator or of {@link #COST}, with its interval. */
    public record Difference(String estimator, double value, double ciLow, double ciHigh) {
    }

    /**
     * The evaluation: how many decisions were read, had an outcome and could be routed by every policy, whether any
     * carried a session id, the logged mean estimated cost, each policy's result, and for each policy after the
     * first its differences from the first.
     */
    public record Result(long decisions, long withOutcome, long routable, boolean sessions, double loggedMeanCostUsd,
                         List<PolicyResult> policies, List<List<Difference>> differences, double[][][] replicates) {

        public Difference difference(int policy, String estimator) {
            return differences.get(policy - 1).stream().filter(d -> d.estimator().equals(estimator)).findFirst()
                    .orElseThrow();
        }

        /**
         * The paired difference (policy minus the first) of any figure of a policy's accept rate by the given
         * estimator and its estimated cost per request, over the same bootstrap replicates.
         */
        public Difference difference(int policy, String estimator, java.util.function.DoubleBinaryOperator figure) {
            int f = ESTIMATORS.indexOf(estimator);
            int cost = ESTIMATORS.size();
            double value = figure.applyAsDouble(policies.get(policy).estimate(estimator).value(),
                    policies.get(policy).meanCostUsd().value())
                    - figure.applyAsDouble(policies.get(0).estimate(estimator).value(),
                    policies.get(0).meanCostUsd().value());
            double[] diff = new double[replicates[0][0].length];
            for (int b = 0; b < diff.length; b++) {
                diff[b] = figure.applyAsDouble(replicates[policy][f][b], replicates[policy][cost][b])
                        - figure.applyAsDouble(replicates[0][f][b], replicates[0][cost][b]);
            }
            double[] sorted = Arrays.stream(diff).filter(x -> !Double.isNaN(x)).sorted().toArray();
            return new Difference(estimator, value, EstimateReport.percentile(sorted, 0.025),
                    EstimateReport.percentile(sorted, 0.975));
        }
    }

    // Exposure probabilities cost O(k^2) in the neighbour count k; the most recent ones carry the interference.
    private static final int MAX_NEIGHBOURS = 32;
    // Sessions whose last turn is remembered; older ones are forgotten, least recently seen first.
    private static final int MAX_SESSIONS = 100_000;
    // Blocks kept for the bootstrap: when full, neighbouring blocks are merged and the block length doubles.
    private static final int MAX_BLOCKS = 1024;
    private static final int RULES = 4; // own, interference (count), interference (any), joint
    private static final int OWN = 0;
    private static final int COUNT = 1;
    private static final int ANY = 2;
    private static final int JOINT = 3;

    public Result evaluate(DecisionSource log, OutcomeIndex outcomes, List<CandidateTablePolicy> policies,
                           Settings settings) throws IOException {
        Pass pass = new Pass(policies, outcomes, settings);
        log.forEach(pass::add);
        return pass.result();
    }

    /** The state of one pass over the log. */
    private static final class Pass {
        private final List<CandidateTablePolicy> policies;
        private final OutcomeIndex outcomes;
        private final Settings settings;
        private final Map<String, Integer> models = new LinkedHashMap<>();
        private final int actions;
        private final int perPolicy;
        private final int dimension;
        private final Neighbour[] ring = new Neighbour[MAX_NEIGHBOURS];
        private int ringStart;
        private int ringSize;
        private final Map<String, Neighbour> lastOfSession = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Neighbour> eldest) {
                return size() > MAX_SESSIONS;
            }
        };
        private final List<double[]> blocks = new ArrayList<>();
        private double[] current;
        private int inCurrent;
        private int blockLength = 1;
        private final long[] actionCount;
        private final double[] actionReward;
        private final double[][] maxWeight;
        private long decisions;
        private long withOutcome;
        private boolean sessions;
        private boolean realCosts;

        Pass(List<CandidateTablePolicy> policies, OutcomeIndex outcomes, Settings settings) {
            this.policies = policies;
            this.outcomes = outcomes;
            this.settings = settings;
            for (CandidateTablePolicy p : policies) {
                p.models().forEach(m -> models.putIfAbsent(m, models.size()));
            }
            actions = models.size();
            perPolicy = 3 * RULES + 2 * actions + 3;
            dimension = 2 + policies.size() * perPolicy;
            current = new double[dimension];
            actionCount = new long[actions];
            actionReward = new double[actions];
            maxWeight = new double[policies.size()][RULES];
        }

        /** A kept decision as its successors see it. */
        private record Neighbour(double time, int action, double[] logging, double[][] candidate, double[] ownRatio) {
        }

        void add(DecisionLogEntry e) {
            decisions++;
            if (e.sessionId() != null) {
                sessions = true;
            }
            int outcome = outcomes.find(e.requestId());
            if (outcome < 0) {
                return;
            }
            double reward = outcomes.reward(outcome);
            withOutcome++;
            Integer chosen = models.get(e.chosenModel());
            if (chosen == null) {
                return;
            }
            int a = chosen;
            List<CandidateTablePolicy.Replay> replays = new ArrayList<>(policies.size());
            for (CandidateTablePolicy p : policies) {
                Optional<CandidateTablePolicy.Replay> r = p.replay(e);
                if (r.isEmpty()) {
                    return;
                }
                replays.add(r.get());
            }
            double[] logging = new double[actions];
            e.probabilities().forEach((m, p) -> {
                Integer i = models.get(m);
                if (i != null) {
                    logging[i] = p;
                }
            });
            double time = epochSeconds(e.timestamp());
            List<Neighbour> near = neighbours(e, time);
            double realCost = outcomes.costUsd(outcome);
            realCosts |= !Double.isNaN(realCost);
            double[] v = current;
            v[0] += 1;
            v[1] += e.estimatedCostUsd();
            double[][] candidate = new double[policies.size()][actions];
            double[] ownRatio = new double[policies.size()];
            for (int p = 0; p < policies.size(); p++) {
                double[] cand = candidate[p];
                replays.get(p).probabilities().forEach((m, q) -> cand[models.get(m)] = q);
                double own = cand[a] / logging[a];
                ownRatio[p] = own;
                double[] w = weights(own, a, p, cand, near);
                int base = 2 + p * perPolicy;
                for (int r = 0; r < RULES; r++) {
                    v[base + 3 * r] += w[r];
                    v[base + 3 * r + 1] += w[r] * reward;
                    v[base + 3 * r + 2] += w[r] * w[r];
                    maxWeight[p][r] = Math.max(maxWeight[p][r], w[r]);
                }
                for (int m = 0; m < actions; m++) {
                    v[base + 3 * RULES + m] += cand[m];
                }
                v[base + 3 * RULES + actions + a] += own;
                v[base + 3 * RULES + 2 * actions] += replays.get(p).expectedCostUsd();
                if (!Double.isNaN(realCost)) {
                    v[base + 3 * RULES + 2 * actions + 1] += own * realCost;
                    v[base + 3 * RULES + 2 * actions + 2] += own;
                }
            }
            actionCount[a]++;
            actionReward[a] += reward;
            remember(e, new Neighbour(time, a, logging, candidate, ownRatio));
            if (++inCurrent == blockLength) {
                closeBlock();
            }
        }

        /**
         * Seconds since the epoch of an ISO-8601 UTC timestamp as the router writes it
         * ({@code 2026-01-01T00:00:00.123Z}), read by hand because {@link Instant#parse} costs a fifth of a pass.
         */
        static double epochSeconds(String t) {
            int n = t.length();
            if (n < 20 || t.charAt(4) != '-' || t.charAt(10) != 'T' || t.charAt(n - 1) != 'Z'
                    || t.charAt(13) != ':' || t.charAt(16) != ':') {
                Instant at = Instant.parse(t);
                return at.getEpochSecond() + at.getNano() / 1e9;
            }
            try {
                long day = java.time.LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10)).toEpochDay();
                double seconds = day * 86_400L + digits(t, 11, 13) * 3600L + digits(t, 14, 16) * 60L
                        + digits(t, 17, 19);
                if (t.charAt(19) == '.') {
                    double scale = 0.1;
                    for (int i = 20; i < n - 1; i++) {
                        seconds += (t.charAt(i) - '0') * scale;
                        scale /= 10;
                    }
                }
                return seconds;
            } catch (RuntimeException e) {
                Instant at = Instant.parse(t);
                return at.getEpochSecond() + at.getNano() / 1e9;
            }
        }

        private static int digits(String t, int from, int to) {
            int v = 0;
            for (int i = from; i < to; i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') {
                    throw new java.time.format.DateTimeParseException("not a digit", t, i);
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }

        /** Own, interference (count and any exposure) and joint weights of a unit with action a under policy p. */
        private double[] weights(double own, int a, int p, double[] cand, List<Neighbour> near) {
            if (near.isEmpty()) {
                return new double[]{own, own, own, own};
            }
            double[] pl = new double[near.size()];
            double[] pc = new double[near.size()];
            int same = 0;
            double joint = own;
            for (int j = 0; j < near.size(); j++) {
                Neighbour n = near.get(j);
                pl[j] = n.logging()[a];
                pc[j] = n.candidate()[p][a];
                if (n.action() == a) {
                    same++;
                }
                joint *= n.ownRatio()[p];
            }
            double[] logged = PoissonBinomial.distribution(pl);
            double[] target = PoissonBinomial.distribution(pc);
            return new double[]{own, interference(own, Exposure.COUNT, logged, target, same),
                    interference(own, Exposure.ANY, logged, target, Math.min(same, 1)), joint};
        }

        private static double interference(double own, Exposure exposure, double[] logged, double[] target, int e) {
            double p0 = exposure.probability(logged, e);
            return p0 == 0 ? 0 : own * exposure.probability(target, e) / p0;
        }

        private List<Neighbour> neighbours(DecisionLogEntry e, double time) {
            if (settings.neighbours() == Neighbours.SESSION) {
                Neighbour previous = e.sessionId() == null ? null : lastOfSession.get(e.sessionId());
                return previous == null ? List.of() : List.of(previous);
            }
            while (ringSize > 0 && ring[ringStart].time() < time - settings.windowSeconds()) {
                ringStart = (ringStart + 1) % MAX_NEIGHBOURS;
                ringSize--;
            }
            List<Neighbour> near = new ArrayList<>(ringSize);
            for (int i = 0; i < ringSize; i++) {
                near.add(ring[(ringStart + i) % MAX_NEIGHBOURS]);
            }
            return near;
        }

        private void remember(DecisionLogEntry e, Neighbour unit) {
            if (settings.neighbours() == Neighbours.SESSION) {
                if (e.sessionId() != null) {
                    lastOfSession.put(e.sessionId(), unit);
                }
                return;
            }
            if (ringSize == MAX_NEIGHBOURS) {
                ringStart = (ringStart + 1) % MAX_NEIGHBOURS;
                ringSize--;
            }
            ring[(ringStart + ringSize) % MAX_NEIGHBOURS] = unit;
            ringSize++;
        }

        private void closeBlock() {
            blocks.add(current);
            current = new double[dimension];
            inCurrent = 0;
            if (blocks.size() == MAX_BLOCKS) {
                for (int i = 0; i < MAX_BLOCKS / 2; i++) {
                    double[] merged = blocks.get(2 * i);
                    double[] next = blocks.get(2 * i + 1);
                    for (int d = 0; d < dimension; d++) {
                        merged[d] += next[d];
                    }
                    blocks.set(i, merged);
                }
                blocks.subList(MAX_BLOCKS / 2, MAX_BLOCKS).clear();
                blockLength *= 2;
            }
        }

        Result result() {
            if (inCurrent > 0) {
                blocks.add(current);
            }
            double[] total = new double[dimension];
            for (double[] b : blocks) {
                add(total, b);
            }
            long n = (long) total[0];
            double overall = 0;
            for (int a = 0; a < actions; a++) {
                overall += actionReward[a];
            }
            overall = n == 0 ? 0 : overall / n;
            double[] q = new double[actions];
            for (int a = 0; a < actions; a++) {
                q[a] = actionCount[a] > 0 ? actionReward[a] / actionCount[a] : overall;
            }
            int figures = ESTIMATORS.size() + 2; // the estimators, the estimated cost, the real cost
            int policyCount = policies.size();
            double[][] point = values(total, q);
            double[][][] boot = new double[policyCount][figures][settings.replicates()];
            SplittableRandom random = new SplittableRandom(settings.seed());
            double[] sample = new double[dimension];
            for (int b = 0; b < settings.replicates(); b++) {
                Arrays.fill(sample, 0);
                for (int k = 0; k < blocks.size(); k++) {
                    add(sample, blocks.get(random.nextInt(blocks.size())));
                }
                double[][] values = values(sample, q);
                for (int p = 0; p < policyCount; p++) {
                    for (int f = 0; f < figures; f++) {
                        boot[p][f][b] = values[p][f];
                    }
                }
            }
            List<PolicyResult> results = new ArrayList<>();
            for (int p = 0; p < policyCount; p++) {
                List<EstimateReport> reports = new ArrayList<>();
                for (int f = 0; f < ESTIMATORS.size(); f++) {
                    reports.add(report(ESTIMATORS.get(f), point[p][f], boot[p][f], total, p, rule(f), n));
                }
                int cost = ESTIMATORS.size();
                EstimateReport meanCost = report(COST, point[p][cost], boot[p][cost], total, p, -1, n);
                EstimateReport realCost = realCosts
                        ? report("real " + COST, point[p][cost + 1], boot[p][cost + 1], total, p, -1, n) : null;
                results.add(new PolicyResult(reports, meanCost, realCost));
            }
            List<List<Difference>> differences = new ArrayList<>();
            for (int p = 1; p < policyCount; p++) {
                List<Difference> d = new ArrayList<>();
                for (int f = 0; f < figures - 1; f++) {
                    double[] diff = new double[settings.replicates()];
                    for (int b = 0; b < diff.length; b++) {
                        diff[b] = boot[p][f][b] - boot[0][f][b];
                    }
                    double[] sorted = Arrays.stream(diff).filter(x -> !Double.isNaN(x)).sorted().toArray();
                    d.add(new Difference(f < ESTIMATORS.size() ? ESTIMATORS.get(f) : COST, point[p][f] - point[0][f],
                            EstimateReport.percentile(sorted, 0.025), EstimateReport.percentile(sorted, 0.975)));
                }
                differences.add(d);
            }
            return new Result(decisions, withOutcome, n, sessions, n == 0 ? Double.NaN : total[1] / n, results,
                    differences, boot);
        }

        /** The weight rule behind each estimator; -1 for the direct method (weight 1). */
        private static int rule(int estimator) {
            return switch (estimator) {
                case 0, 1, 3 -> OWN;
                case 4, 5 -> COUNT;
                case 6 -> ANY;
                case 7 -> JOINT;
                default -> -1;
            };
        }

        private EstimateReport report(String name, double value, double[] boot, double[] total, int p, int rule,
                                      long n) {
            double[] sorted = Arrays.stream(boot).filter(x -> !Double.isNaN(x)).sorted().toArray();
            double ess = n;
            double maxShare = n == 0 ? 0 : 1.0 / n;
            double mean = 1;
            if (rule >= 0) {
                int base = 2 + p * perPolicy + 3 * rule;
                double sum = total[base];
                ess = total[base + 2] == 0 ? 0 : sum * sum / total[base + 2];
                maxShare = sum == 0 ? 0 : maxWeight[p][rule] / sum;
                mean = n == 0 ? 0 : sum / n;
            }
            return new EstimateReport(name, value, EstimateReport.percentile(sorted, 0.025),
                    EstimateReport.percentile(sorted, 0.975), ess, maxShare, mean, EstimateReport.warning(ess));
        }

        /** Every figure of every policy from summed statistics. */
        private double[][] values(double[] v, double[] q) {
            double n = v[0];
            double[][] out = new double[policies.size()][ESTIMATORS.size() + 2];
            for (int p = 0; p < policies.size(); p++) {
                int base = 2 + p * perPolicy;
                double[] o = out[p];
                double swrOwn = v[base + 1];
                o[0] = swrOwn / n;
                o[1] = swrOwn / v[base];
                double direct = 0;
                double correction = 0;
                for (int a = 0; a < actions; a++) {
                    direct += q[a] * v[base + 3 * RULES + a];
                    correction += q[a] * v[base + 3 * RULES + actions + a];
                }
                o[2] = direct / n;
                o[3] = (direct + swrOwn - correction) / n;
                o[4] = v[base + 3 * COUNT + 1] / n;
                o[5] = v[base + 3 * COUNT + 1] / v[base + 3 * COUNT];
                o[6] = v[base + 3 * ANY + 1] / v[base + 3 * ANY];
                o[7] = v[base + 3 * JOINT + 1] / v[base + 3 * JOINT];
                o[8] = v[base + 3 * RULES + 2 * actions] / n;
                o[9] = v[base + 3 * RULES + 2 * actions + 1] / v[base + 3 * RULES + 2 * actions + 2];
            }
            return out;
        }

        private static void add(double[] into, double[] block) {
            for (int d = 0; d < into.length; d++) {
                into[d] += block[d];
            }
        }
    }
}
