package dev.tagrouter.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.ExplorationPolicy;
import dev.tagrouter.ope.CandidateTablePolicy;
import dev.tagrouter.ope.EstimateReport;
import dev.tagrouter.ope.LogEvaluation;
import dev.tagrouter.ope.OutcomeIndex;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tablebuilding.Prompt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof of issue 16 on real outcomes: the router with exploration on serves MMLU questions, a stand-in user
 * accepts an answer when the chosen model was correct, decisions and outcomes are logged; {@code build-table
 * --from-log} builds a candidate; {@code promote} promotes it over a deliberately poor live table and keeps a better
 * one; and the off-policy intervals cover the tables' true accept rates over repeated runs. The router is driven
 * in-process (the same {@code Router} and {@code RoutingPolicy} the HTTP and Lambda bindings call).
 */
class LoopProofTest {

    private static final ExplorationPolicy EXPLORATION = new ExplorationPolicy(0.05, 0.2, 5);
    private static MmluTraffic traffic;
    private static RoutingTable initial;
    private static RoutingTable better;
    private static RoutingTable poor;

    @TempDir
    static Path dir;

    @BeforeAll
    static void tables() throws Exception {
        traffic = new MmluTraffic();
        List<Prompt> prompts = traffic.data.prompts();
        // The live table at launch: built from a fifth of the questions. Better: from all of them. Poor: models swapped.
        initial = traffic.table("mmlu-initial", prompts.subList(0, prompts.size() / 5));
        better = traffic.table("mmlu-better", prompts);
        poor = MmluTables.swapped(better, "mmlu-poor");
    }

    @Test
    void theLoopPromotesACandidateOverAPoorTableAndKeepsABetterOne() throws Exception {
        MmluTraffic.Served served = traffic.serve(initial, EXPLORATION, traffic.data.prompts(), "r");
        Path log = dir.resolve("decisions.jsonl");
        Path outcomes = dir.resolve("outcomes.jsonl");
        MmluTraffic.writeJsonLines(served.decisions(), log);
        MmluTraffic.writeJsonLines(served.outcomes(), outcomes);
        Path initialFile = MmluTables.write(initial, dir.resolve("initial.json"));
        Path candidate = dir.resolve("candidate.json");
        assertEquals(0, CliRun.of("build-table", "--from-log", log.toString(), "--outcomes", outcomes.toString(),
                "--base-table", initialFile.toString(), "--out", candidate.toString()).exit());

        Path poorFile = MmluTables.write(poor, dir.resolve("poor.json"));
        Path json = dir.resolve("promote-poor.json");
        Path md = dir.resolve("promote-poor.md");
        CliRun promote = CliRun.of("promote", "--live", poorFile.toString(), "--candidate", candidate.toString(), "--log",
                log.toString(), "--outcomes", outcomes.toString(), "--report-json", json.toString(), "--report-md",
                md.toString());
        System.out.println(promote.out());
        assertEquals(0, promote.exit(), promote.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals("PROMOTE", report.get("verdict").asText(), promote.out());
        assertTrue(Files.readString(md).startsWith("# Promotion gate: promote"), promote.out());
        RoutingTable candidateTable = new RoutingTableCodec().read(candidate);
        double candidateTruth = traffic.truth(candidateTable, traffic.data.prompts());
        double poorTruth = traffic.truth(poor, traffic.data.prompts());
        assertTrue(candidateTruth > poorTruth + 0.05, candidateTruth + " vs " + poorTruth);
        assertCovers(report, "candidate", candidateTruth);
        assertCovers(report, "live", poorTruth);

        Path betterFile = MmluTables.write(better, dir.resolve("better.json"));
        CliRun keep = CliRun.of("promote", "--live", betterFile.toString(), "--candidate", candidate.toString(), "--log",
                log.toString(), "--outcomes", outcomes.toString());
        System.out.println(keep.out());
        System.out.printf(Locale.ROOT, "true accept rates on the served questions: candidate %.4f, poor %.4f,"
                + " better %.4f%n", candidateTruth, poorTruth, traffic.truth(better, traffic.data.prompts()));
        assertEquals(3, keep.exit(), keep.out());
        assertTrue(keep.out().startsWith("# Promotion gate: keep"), keep.out());

        Path few = dir.resolve("few.jsonl");
        Files.write(few, Files.readAllLines(log).subList(0, 50));
        CliRun notEnough = CliRun.of("promote", "--live", poorFile.toString(), "--candidate", candidate.toString(), "--log",
                few.toString(), "--outcomes", outcomes.toString());
        assertEquals(4, notEnough.exit(), notEnough.out());
        assertTrue(notEnough.out().startsWith("# Promotion gate: not enough data"), notEnough.out());
    }

    /** Coverage of the 95% intervals of SNIPW and DR over repeated runs, for the poor and the better table. */
    @Test
    void offPolicyIntervalsCoverTheTrueAcceptRates() throws Exception {
        int runs = Integer.getInteger("loop.runs", 100);
        int size = Integer.getInteger("loop.prompts", 500);
        List<Prompt> all = traffic.data.prompts();
        List<RoutingTable> tables = List.of(poor, better);
        double[] truth = {traffic.truth(poor, all), traffic.truth(better, all)};
        int[][] covered = new int[2][2];
        double[][] width = new double[2][2];
        Random random = new Random(16);
        for (int run = 0; run < runs; run++) {
            List<Prompt> sample = new ArrayList<>(all);
            java.util.Collections.shuffle(sample, random);
            sample = sample.subList(0, Math.min(size, sample.size()));
            MmluTraffic.Served served = traffic.serve(initial,
                    new ExplorationPolicy(EXPLORATION.temperature(), EXPLORATION.floor(), run), sample, "c" + run);
            OutcomeIndex index = new OutcomeIndex();
            served.outcomes().forEach(index::add);
            List<CandidateTablePolicy> policies = tables.stream().map(t -> new CandidateTablePolicy(
                    CompiledTable.of(t), CostPreference.of(0), Optional.empty())).toList();
            LogEvaluation.Result result = new LogEvaluation().evaluate(served.decisions()::forEach, index, policies,
                    new LogEvaluation.Settings(LogEvaluation.Neighbours.SESSION, 1, 200, run));
            for (int t = 0; t < 2; t++) {
                int e = 0;
                for (String estimator : List.of("SNIPW", "DR")) {
                    EstimateReport r = result.policies().get(t).estimate(estimator);
                    covered[t][e] += r.ciLow() <= truth[t] && truth[t] <= r.ciHigh() ? 1 : 0;
                    width[t][e] += (r.ciHigh() - r.ciLow()) / runs;
                    e++;
                }
            }
        }
        String[] names = {"poor", "better"};
        for (int t = 0; t < 2; t++) {
            for (int e = 0; e < 2; e++) {
                System.out.printf(Locale.ROOT, "coverage %s %s: %d of %d runs (%.3f), true accept rate %.4f, mean"
                                + " interval width %.4f, %d questions per run%n", names[t], e == 0 ? "SNIPW" : "DR",
                        covered[t][e], runs, covered[t][e] / (double) runs, truth[t], width[t][e], size);
                assertTrue(covered[t][e] >= 0.9 * runs, names[t] + ": " + covered[t][e] + " of " + runs);
            }
        }
    }

    private static void assertCovers(JsonNode report, String table, double truth) {
        for (JsonNode row : report.get("estimates")) {
            if (row.get("table").asText().equals(table) && row.get("estimator").asText().equals("SNIPW")) {
                assertTrue(row.get("ciLow").asDouble() <= truth && truth <= row.get("ciHigh").asDouble(),
                        table + " " + row + " vs truth " + truth);
                return;
            }
        }
        throw new AssertionError("no SNIPW row for " + table);
    }
}
