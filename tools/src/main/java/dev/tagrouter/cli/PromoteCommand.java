package dev.tagrouter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.UtilityRule;
import dev.tagrouter.ope.CandidateTablePolicy;
import dev.tagrouter.ope.LogEvaluation;
import dev.tagrouter.promotion.PromotionGate;
import dev.tagrouter.promotion.PromotionReport;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Decides whether a candidate table may replace the live one, from off-policy estimates on the live router's log. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Compare a candidate table with the live one on the same decision log (off-policy) and decide: "
                + "exit 0 promote, 3 keep, 4 not enough data (1 failed on its input, 2 bad usage).")
final class PromoteCommand implements Callable<Integer> {

    @Option(names = "--live", required = true, description = "the live routing table")
    Path live;

    @Option(names = "--candidate", required = true, description = "the candidate routing table")
    Path candidate;

    @Mixin
    LogInputs inputs;

    @Option(names = "--cost-preference", description = "the knob both tables are replayed at, and the price of cost"
            + " in the utility (default: the live table's default preset)")
    String costPreference;

    @Option(names = "--estimator", defaultValue = "SNIPW",
            description = "the estimator the verdict reads: SNIPW, DR or 'SN-IntIPW (count)' (default ${DEFAULT-VALUE})")
    String estimator;

    @Option(names = "--margin", defaultValue = "0.01",
            description = "accept rate the candidate may lose at the interval's lower bound (default ${DEFAULT-VALUE})")
    double margin;

    @Option(names = "--min-decisions", defaultValue = "200",
            description = "fewer replayable decisions: not enough data (default ${DEFAULT-VALUE})")
    long minDecisions;

    @Option(names = "--min-ess", defaultValue = "100",
            description = "a smaller effective sample: not enough data (default ${DEFAULT-VALUE})")
    double minEss;

    @Option(names = "--report-md", description = "write the Markdown report here")
    Path reportMd;

    @Option(names = "--report-json", description = "write the JSON report here")
    Path reportJson;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PromotionGate gate = new PromotionGate(estimator, margin, minDecisions, minEss);
        RoutingTableCodec codec = new RoutingTableCodec();
        RoutingTable liveTable = codec.read(live);
        RoutingTable candidateTable = codec.read(candidate);
        CostPreference knob = costPreference == null ? CostPreference.tableDefault(liveTable.decision())
                : CostPreference.parse(costPreference);
        double preference = knob.resolve(liveTable.decision());
        List<CandidateTablePolicy> policies = List.of(
                new CandidateTablePolicy(CompiledTable.of(liveTable), CostPreference.of(preference), Optional.empty()),
                new CandidateTablePolicy(CompiledTable.of(candidateTable), CostPreference.of(preference),
                        Optional.empty()));
        // Session neighbours: SNIPW and DR do not look at neighbours, and SN-IntIPW then weighs the previous turn.
        LogEvaluation.Result result = new LogEvaluation().evaluate(LogEvaluation.DecisionSource.of(inputs.logFiles()),
                inputs.outcomeIndex(), policies, inputs.settings(LogEvaluation.Neighbours.SESSION));
        UtilityRule utility = new UtilityRule(liveTable.decision().costScaleUsd());
        List<String> shown = new ArrayList<>(List.of("SNIPW", "DR"));
        if (result.sessions()) {
            shown.add("SN-IntIPW (count)");
        }
        List<PromotionReport.Row> rows = new ArrayList<>();
        String[] names = {"live", "candidate"};
        for (int p = 0; p < 2; p++) {
            for (String e : shown) {
                rows.add(PromotionReport.Row.of(names[p], result.policies().get(p).estimate(e)));
            }
            rows.add(PromotionReport.Row.of(names[p], result.policies().get(p).meanCostUsd()));
            if (result.policies().get(p).realCostUsd() != null) {
                rows.add(PromotionReport.Row.of(names[p], result.policies().get(p).realCostUsd()));
            }
        }
        List<LogEvaluation.Difference> differences = new ArrayList<>();
        for (String e : shown) {
            LogEvaluation.Difference d = result.difference(1, e);
            differences.add(new LogEvaluation.Difference("accept rate, " + e, d.value(), d.ciLow(), d.ciHigh()));
        }
        LogEvaluation.Difference cost = result.difference(1, LogEvaluation.COST);
        differences.add(cost);
        LogEvaluation.Difference u = result.difference(1, estimator, (ar, c) -> utility.utility(ar, c, preference));
        differences.add(new LogEvaluation.Difference("utility, " + estimator, u.value(), u.ciLow(), u.ciHigh()));
        PromotionGate.Decision decision = gate.decide(result, result.difference(1, estimator), cost, u);
        PromotionReport report = new PromotionReport(
                new PromotionReport.Table(liveTable.version(), liveTable.checksum()),
                new PromotionReport.Table(candidateTable.version(), candidateTable.checksum()), preference,
                new PromotionReport.Counts(result.decisions(), result.withOutcome(), result.routable(),
                        result.sessions()), rows, differences, gate, decision.verdict(),
                decision.verdict().exitCode(), decision.reason());
        String markdown = report.markdown();
        if (reportMd != null) {
            Files.writeString(reportMd, markdown);
        }
        if (reportJson != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(reportJson.toFile(), report);
        }
        spec.commandLine().getOut().print(markdown);
        spec.commandLine().getOut().flush();
        return decision.verdict().exitCode();
    }
}
