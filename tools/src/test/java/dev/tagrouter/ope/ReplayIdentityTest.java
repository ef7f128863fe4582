package dev.tagrouter.ope;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.cli.TagrouterCli;
import dev.tagrouter.cost.TokenEncoding;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.DecisionReason;
import dev.tagrouter.decision.ExplorationPolicy;
import dev.tagrouter.decisionlog.DecisionLogEntry;
import dev.tagrouter.decisionlog.OutcomeLogEntry;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.RouterSettings;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tagging.RuleTagger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Off-policy evaluation of the live table with the live exploration settings must see itself: replaying every logged
 * decision through {@link CandidateTablePolicy} gives back the logged probability of the served model exactly
 * (importance weight exactly 1), for tagged, no-known-tag and explored decisions alike, so IPW is the logged mean.
 */
class ReplayIdentityTest {

    private static final Path TINY = Path.of("..", "testdata", "tiny-preferences");
    private static final ExplorationPolicy EXPLORATION = new ExplorationPolicy(0.05, 0.1, 7);
    /** Queries the tiny table knows no tag of (its script tag is left out by --max-tag-share). */
    private static final List<String> UNKNOWN = List.of("I speak Klingon", "Qapla'", "tlhIngan Hol Dajatlh'a'?");

    @TempDir
    static Path dir;
    private static Path table;
    private static RoutingTable routingTable;

    @BeforeAll
    static void buildTable() throws Exception {
        table = dir.resolve("live.json");
        // Every tiny prompt is in Latin script: a max tag share below 1 drops script-latin, so queries without a
        // vocabulary word carry no known tag and are decided on the models' overall rates.
        assertEquals(0, TagrouterCli.run("build-table", "--data", TINY.toString(), "--pool", "budget,coder,premium",
                "--min-tag-count", "1", "--max-tag-share", "0.9", "--curve-folds", "2", "--table-version", "live",
                "--out", table.toString()));
        routingTable = new RoutingTableCodec().read(table);
    }

    @Test
    void theLiveTableReplaysItsOwnExploredLogWithWeightOne() throws Exception {
        Router router = new Router(CompiledTable.of(routingTable), RuleTagger.withCuratedVocabulary(),
                TokenEncoding.CL100K_BASE.counter(), RouterSettings.DEFAULTS.withExploration(EXPLORATION), System::nanoTime);
        List<DecisionLogEntry> log = route(router, i -> null);
        Path logFile = dir.resolve("decisions.jsonl");
        Path outcomes = dir.resolve("outcomes.jsonl");
        Map<String, OutcomeLogEntry> accepted = write(log, logFile, outcomes);

        long explored = log.stream().filter(e -> e.reason().equals(DecisionReason.EXPLORATION.name())).count();
        long noKnownTag = log.stream().filter(e -> e.knownTags().isEmpty()).count();
        long exploredNoKnownTag = log.stream().filter(e -> e.knownTags().isEmpty()
                && e.reason().equals(DecisionReason.EXPLORATION.name())).count();
        assertTrue(explored >= 10 && noKnownTag >= 10 && exploredNoKnownTag >= 1,
                "explored " + explored + ", no known tag " + noKnownTag + ", both " + exploredNoKnownTag);
        assertTrue(log.stream().anyMatch(e -> e.reason().equals(DecisionReason.NO_KNOWN_TAG.name())));

        // Read back as the ope command reads it: the JSON round trip must not move a probability.
        List<DecisionLogEntry> read = read(logFile);
        assertEquals(log, read);
        CandidateTablePolicy candidate = new CandidateTablePolicy(CompiledTable.of(new RoutingTableCodec().read(table)),
                CostPreference.preset(routingTable.decision().defaultPreset()), Optional.of(EXPLORATION));
        for (DecisionLogEntry e : read) {
            CandidateTablePolicy.Replay replay = candidate.replay(e).orElseThrow();
            assertEquals(e.probabilities(), replay.probabilities(), "whole vector of " + e.requestId());
            double logged = e.probabilities().get(e.chosenModel());
            double replayed = replay.probabilities().get(e.chosenModel());
            assertEquals(logged, replayed, 0.0, e.requestId() + " (" + e.reason() + ")");
            assertEquals(1.0, replayed / logged, 0.0, "importance weight of " + e.requestId());
        }

        double loggedMean = read.stream().filter(e -> accepted.get(e.requestId()).accepted()).count()
                / (double) read.size();
        LogEvaluation.Result result = new LogEvaluation().evaluate(read::forEach,
                OutcomeIndex.read(LogFiles.of(outcomes.toString())), List.of(candidate), LogEvaluation.Settings.DEFAULTS);
        assertEquals(read.size(), result.routable());
        EstimateReport ipw = estimate(result, "IPW");
        assertEquals(loggedMean, ipw.value(), 0.0, "IPW is the logged mean accept rate");
        assertEquals(1.0, ipw.meanWeight(), 0.0);
        assertEquals(1.0 / read.size(), ipw.maxWeightShare(), 1e-15, "every weight is 1");
        assertEquals(loggedMean, estimate(result, "SNIPW").value(), 1e-15);

        String out = ope("--log", logFile.toString(), "--outcomes", outcomes.toString(), "--table", table.toString(),
                "--explore-temperature", "0.05", "--explore-floor", "0.1", "--explore-seed", "7");
        assertTrue(out.contains(read.size() + " decisions, " + read.size() + " with an outcome, " + read.size()
                + " routable"), out);
        String ipwRow = out.lines().filter(l -> l.startsWith("IPW ")).findFirst().orElseThrow();
        String[] cells = ipwRow.trim().split("\\s+");
        assertEquals(String.format("%.4f", loggedMean), cells[1], ipwRow);
        assertEquals("1.0000", cells[cells.length - 1], "mean weight: " + ipwRow);
    }

    @Test
    void requestsWithTheirOwnCostPreferenceReplayAtTheLoggedKnob() throws Exception {
        Router router = new Router(CompiledTable.of(routingTable), RuleTagger.withCuratedVocabulary(),
                TokenEncoding.CL100K_BASE.counter(), RouterSettings.DEFAULTS.withExploration(EXPLORATION), System::nanoTime);
        CostPreference[] knobs = {null, CostPreference.preset("budget"), CostPreference.of(-0.3),
                CostPreference.preset("balanced"), CostPreference.of(2)};
        List<DecisionLogEntry> log = route(router, i -> knobs[i % knobs.length]);
        Path logFile = dir.resolve("mixed.jsonl");
        Path outcomes = dir.resolve("mixed-outcomes.jsonl");
        Map<String, OutcomeLogEntry> accepted = write(log, logFile, outcomes);
        List<DecisionLogEntry> read = read(logFile);
        assertTrue(read.stream().mapToDouble(DecisionLogEntry::costPreference).distinct().count() == knobs.length);

        CandidateTablePolicy fixed = new CandidateTablePolicy(CompiledTable.of(routingTable),
                CostPreference.preset(routingTable.decision().defaultPreset()), Optional.of(EXPLORATION));
        long moved = read.stream().filter(e -> !fixed.replay(e).orElseThrow().probabilities()
                .equals(e.probabilities())).count();
        assertTrue(moved > 0, "one knob for all cannot replay requests that set their own");

        CandidateTablePolicy asLogged = CandidateTablePolicy.atLoggedPreference(CompiledTable.of(routingTable),
                Optional.of(EXPLORATION));
        assertTrue(asLogged.preference().isEmpty());
        for (DecisionLogEntry e : read) {
            assertEquals(e.probabilities(), asLogged.replay(e).orElseThrow().probabilities(), e.requestId());
        }
        double loggedMean = read.stream().filter(e -> accepted.get(e.requestId()).accepted()).count()
                / (double) read.size();
        String out = ope("--log", logFile.toString(), "--outcomes", outcomes.toString(), "--table", table.toString(),
                "--cost-preference", "logged", "--explore-temperature", "0.05", "--explore-floor", "0.1",
                "--explore-seed", "7");
        assertTrue(out.contains("(cost preference as logged)"), out);
        String[] cells = out.lines().filter(l -> l.startsWith("IPW ")).findFirst().orElseThrow().trim().split("\\s+");
        assertEquals(String.format("%.4f", loggedMean), cells[1]);
        assertEquals("1.0000", cells[cells.length - 1]);
    }

    // A service with tagrouter.shadow-table.path writes shadow fields into every line: the readers expose them and the
    // ope command judges the log exactly as without them. The shadow here is the live table with the live settings,
    // so it must draw what the live router drew (same tags, eligible models, costs and seed).
    @Test
    void shadowFieldsAreReadAndDoNotChangeTheEvaluation() throws Exception {
        Router router = new Router(CompiledTable.of(routingTable), RuleTagger.withCuratedVocabulary(),
                TokenEncoding.CL100K_BASE.counter(), RouterSettings.DEFAULTS.withExploration(EXPLORATION), System::nanoTime);
        dev.tagrouter.routing.ShadowRouter shadow = new dev.tagrouter.routing.ShadowRouter(
                CompiledTable.of(routingTable), Optional.of(EXPLORATION), Optional.empty());
        List<DecisionLogEntry> plain = new ArrayList<>();
        List<DecisionLogEntry> shadowed = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        int n = 0;
        for (String line : Files.readAllLines(TINY.resolve("prompts.jsonl"))) {
            for (int round = 0; round < 4; round++, n++) {
                RouteRequest request = new RouteRequest(new ObjectMapper().readTree(line).get("prompt").asText(), null,
                        null, null, null, null, null, "req-" + n, null);
                RouteDecision decision = router.route(request);
                DecisionLogEntry entry = DecisionLogEntry.of(request, decision, routingTable.checksum(),
                        t.plusMillis(250L * n), false);
                plain.add(entry);
                shadowed.add(entry.withShadow(shadow.decide(request, decision)));
            }
        }
        Path plainLog = dir.resolve("plain-decisions.jsonl");
        Path shadowLog = dir.resolve("shadow-decisions.jsonl");
        Path outcomes = dir.resolve("shadow-outcomes.jsonl");
        write(plain, plainLog, outcomes);
        write(shadowed, shadowLog, dir.resolve("unused-outcomes.jsonl"));
        assertTrue(Files.readString(shadowLog).contains("\"shadowModel\""));
        assertFalse(Files.readString(plainLog).contains("shadow"), "no shadow, no shadow fields");

        List<DecisionLogEntry> read = read(shadowLog);
        assertEquals(shadowed, read);
        for (DecisionLogEntry e : read) {
            assertEquals(e.chosenModel(), e.shadowModel(), e.requestId());
            assertEquals(e.probabilities(), e.shadowProbabilities(), e.requestId());
            assertEquals(e.probabilities().get(e.chosenModel()), e.shadowProbability(), 0.0);
            assertEquals(routingTable.checksum(), e.shadowTableChecksum());
        }
        String[] args = {"--outcomes", outcomes.toString(), "--table", table.toString(),
                "--explore-temperature", "0.05", "--explore-floor", "0.1", "--explore-seed", "7"};
        String withShadow = ope(concat("--log", shadowLog.toString(), args));
        assertEquals(ope(concat("--log", plainLog.toString(), args)), withShadow);
        assertTrue(withShadow.contains(read.size() + " decisions, " + read.size() + " with an outcome"), withShadow);
    }

    private static String[] concat(String flag, String value, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = flag;
        all[1] = value;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    @Test
    void conversationTurnsReplayWithTheTagWeightsTheyWereDecidedWith() throws Exception {
        Router router = new Router(CompiledTable.of(routingTable), RuleTagger.withCuratedVocabulary(),
                TokenEncoding.CL100K_BASE.counter(), RouterSettings.DEFAULTS.withExploration(EXPLORATION),
                System::nanoTime);
        List<String> queries = new ArrayList<>(UNKNOWN);
        for (String line : Files.readAllLines(TINY.resolve("prompts.jsonl"))) {
            queries.add(new ObjectMapper().readTree(line).get("prompt").asText());
        }
        List<DecisionLogEntry> log = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            // Each query follows the two after it, as a conversation's earlier user turns (the most recent first).
            List<String> earlier = List.of(queries.get((i + 1) % queries.size()),
                    queries.get((i + 2) % queries.size()));
            RouteRequest request = new RouteRequest(queries.get(i), null, null, null, null, null, null, "conv-" + i,
                    null);
            RouteDecision decision = router.route(request, dev.tagrouter.capability.Requirements.NONE,
                    new dev.tagrouter.routing.TurnHistory(null, List.of(), earlier));
            log.add(DecisionLogEntry.of(request, decision, routingTable.checksum(), Instant.EPOCH, false));
        }
        assertTrue(log.stream().filter(e -> e.tagWeights() != null).count() > queries.size() / 2);
        Path logFile = dir.resolve("conversation.jsonl");
        write(log, logFile, dir.resolve("conversation-outcomes.jsonl"));
        List<DecisionLogEntry> read = read(logFile);
        assertEquals(log, read);
        CandidateTablePolicy candidate = new CandidateTablePolicy(CompiledTable.of(routingTable),
                CostPreference.preset(routingTable.decision().defaultPreset()), Optional.of(EXPLORATION));
        for (DecisionLogEntry e : read) {
            assertEquals(e.probabilities(), candidate.replay(e).orElseThrow().probabilities(), e.requestId());
        }
        // Read without the weights, the earlier turns' tags would count fully and the replay would not see itself.
        Path unweighted = dir.resolve("conversation-unweighted.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<String> stripped = new ArrayList<>();
        for (String line : Files.readAllLines(logFile)) {
            stripped.add(((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line)).without("tagWeights")
                    .toString());
        }
        Files.write(unweighted, stripped);
        assertTrue(read(unweighted).stream().anyMatch(e -> !e.probabilities().equals(candidate.replay(e)
                .orElseThrow().probabilities())));
    }

    /** Routes the tiny prompts and the unknown queries three times each, with distinct request ids. */
    private static List<DecisionLogEntry> route(Router router, java.util.function.IntFunction<CostPreference> knob)
            throws Exception {
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(TINY.resolve("prompts.jsonl"))) {
            queries.add(new ObjectMapper().readTree(line).get("prompt").asText());
        }
        for (int i = 0; i < 4; i++) {
            queries.addAll(UNKNOWN);
        }
        List<DecisionLogEntry> log = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        int n = 0;
        for (int round = 0; round < 3; round++) {
            for (String q : queries) {
                RouteRequest request = new RouteRequest(q, null, null, null, null, knob.apply(n), "s" + (n % 5),
                        "req-" + n, null);
                RouteDecision decision = router.route(request);
                log.add(DecisionLogEntry.of(request, decision, routingTable.checksum(), t.plusMillis(250L * n),
                        false));
                n++;
            }
        }
        return log;
    }

    /** Writes the log as the router's decision log does (one JSON line each) and made-up outcomes. */
    private static Map<String, OutcomeLogEntry> write(List<DecisionLogEntry> log, Path logFile,
                                                                Path outcomes) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        List<String> outcomeLines = new ArrayList<>();
        Map<String, OutcomeLogEntry> byId = new java.util.HashMap<>();
        for (DecisionLogEntry e : log) {
            lines.add(json.writeValueAsString(e));
            // premium is always accepted, coder on code, budget every third request.
            boolean accepted = e.chosenModel().equals("premium")
                    || e.chosenModel().equals("coder") && e.knownTags().contains("coding")
                    || Integer.parseInt(e.requestId().substring(4)) % 3 == 0;
            OutcomeLogEntry o = new OutcomeLogEntry(e.requestId(), null, accepted, null, null, null);
            byId.put(e.requestId(), o);
            outcomeLines.add(json.writeValueAsString(o));
        }
        Files.write(logFile, lines);
        Files.write(outcomes, outcomeLines);
        return byId;
    }

    private static EstimateReport estimate(LogEvaluation.Result result, String name) {
        return result.policies().get(0).estimate(name);
    }

    private static List<DecisionLogEntry> read(Path file) throws Exception {
        List<DecisionLogEntry> entries = new ArrayList<>();
        LogFiles.of(file.toString()).forEach(DecisionLogEntry.class, entries::add);
        return entries;
    }

    private static String ope(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "ope";
            System.arraycopy(args, 0, all, 1, args.length);
            assertEquals(0, TagrouterCli.run(all), buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
