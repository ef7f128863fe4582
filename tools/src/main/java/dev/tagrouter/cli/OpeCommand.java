package dev.tagrouter.cli;

import dev.tagrouter.ope.CandidateTablePolicy;
import dev.tagrouter.ope.EstimateReport;
import dev.tagrouter.ope.LogEvaluation;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.ExplorationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Callable;

/** Estimates a candidate table's accept rate from the router's decision log and an outcome file. */
@Command(name = "ope", mixinStandardHelpOptions = true,
        description = "Off-policy evaluation of a candidate routing table on a decision log with outcomes.")
final class OpeCommand implements Callable<Integer> {

    @Mixin
    LogInputs inputs;

    @Option(names = "--table", required = true, description = "the candidate routing table")
    Path table;

    @Option(names = "--cost-preference", description = "the candidate's cost preference: a preset name, a number, or "
            + "'" + LOGGED + "' for each request's logged knob (the live router's decisions for requests that set their "
            + "own) (default: the candidate table's default preset)")
    String costPreference;

    static final String LOGGED = "logged";

    @Option(names = "--explore-temperature", description = "judge the candidate as served with exploration at this "
            + "temperature (default: without exploration)")
    Double exploreTemperature;

    @Option(names = "--explore-floor", defaultValue = "0.05", description = "exploration floor with --explore-temperature "
            + "(default ${DEFAULT-VALUE})")
    double exploreFloor;

    @Option(names = "--explore-seed", defaultValue = "0", description = "exploration seed with --explore-temperature "
            + "(default ${DEFAULT-VALUE})")
    long exploreSeed;

    @Spec
    CommandSpec spec;

    private CandidateTablePolicy policy(RoutingTable candidate) {
        Optional<ExplorationPolicy> exploration = exploreTemperature == null ? Optional.empty()
                : Optional.of(new ExplorationPolicy(exploreTemperature, exploreFloor, exploreSeed));
        if (logged()) {
            return CandidateTablePolicy.atLoggedPreference(CompiledTable.of(candidate), exploration);
        }
        return new CandidateTablePolicy(CompiledTable.of(candidate), preference(candidate), exploration);
    }

    private boolean logged() {
        return costPreference != null && costPreference.strip().equalsIgnoreCase(LOGGED);
    }

    private CostPreference preference(RoutingTable candidate) {
        if (costPreference != null) {
            return CostPreference.parse(costPreference);
        }
        return CostPreference.tableDefault(candidate.decision());
    }

    @Override
    public Integer call() throws IOException {
        RoutingTable candidate = new RoutingTableCodec().read(table);
        LogEvaluation.Result result = new LogEvaluation().evaluate(
                LogEvaluation.DecisionSource.of(inputs.logFiles()), inputs.outcomeIndex(), List.of(policy(candidate)),
                inputs.settings());
        LogEvaluation.PolicyResult cand = result.policies().get(0);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("candidate table %s (cost preference %s): %d decisions, %d with an outcome, %d routable by the"
                + " candidate%n", candidate.version(), logged() ? "as logged" : preference(candidate),
                result.decisions(), result.withOutcome(),
                result.routable());
        if (cand.realCostUsd() != null) {
            out.printf("real cost per decision (SNIPW over outcomes with costUsd): candidate %.8f USD [%.8f, %.8f]%n",
                    cand.realCostUsd().value(), cand.realCostUsd().ciLow(), cand.realCostUsd().ciHigh());
        }
        out.printf("estimated cost per decision: logged %.8f USD, candidate %.8f USD (%+.1f%%)%n",
                result.loggedMeanCostUsd(), cand.meanCostUsd().value(),
                100 * (cand.meanCostUsd().value() / result.loggedMeanCostUsd() - 1));
        out.printf("%-28s %9s %21s %10s %9s %9s  %s%n", "estimator", "accept", "95% CI", "ESS", "max w", "mean w",
                "warning");
        for (EstimateReport r : cand.estimates()) {
            out.printf("%-28s %9.4f [%8.4f, %8.4f] %10.1f %9.4f %9.4f  %s%n", r.estimator(), r.value(), r.ciLow(),
                    r.ciHigh(), r.effectiveSampleSize(), r.maxWeightShare(), r.meanWeight(), r.warning());
        }
        out.flush();
        return 0;
    }
}
