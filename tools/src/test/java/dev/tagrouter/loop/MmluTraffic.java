package dev.tagrouter.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.cost.TokenEncoding;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.ExplorationPolicy;
import dev.tagrouter.decisionlog.DecisionLogEntry;
import dev.tagrouter.decisionlog.OutcomeLogEntry;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.RouterSettings;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.table.TableTag;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.Prompt;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tablebuilding.TableBuilder;
import dev.tagrouter.tagging.RuleTagger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MMLU traffic for the closed-loop tests: the router serves the dataset's questions, and a stand-in user accepts an
 * answer when the chosen model was correct on that question (the dataset's ground truth).
 */
final class MmluTraffic {

    /** The test sample; {@code -Dloop.data=../shared/data/routellm-mmlu} runs the larger documented experiment. */
    static final Path DATA = Path.of(System.getProperty("loop.data", "../testdata/routellm-mmlu-sample"));
    private static final ObjectMapper JSON = new ObjectMapper();

    final PreferenceDataset data;
    final RuleTagger tagger = RuleTagger.withCuratedVocabulary();
    private final TokenCounter tokens = TokenEncoding.CL100K_BASE.counter();
    private final Map<String, Map<String, Boolean>> correct = new HashMap<>();

    /** A served log: the decisions with their outcomes (one per decision). */
    record Served(List<DecisionLogEntry> decisions, List<OutcomeLogEntry> outcomes) {
    }

    MmluTraffic() throws IOException {
        data = new DatasetReader().read(DATA);
        data.judgments().forEach((prompt, byModel) -> {
            Map<String, Boolean> c = new HashMap<>();
            byModel.forEach((model, j) -> MmluTables.MAPPING.outcome(j, byModel).ifPresent(o -> c.put(model, o.accepted())));
            correct.put(prompt, c);
        });
    }

    /** A table built from the dataset's judgments of these prompts (no curve: served at cost preference 0). */
    RoutingTable table(String version, Collection<Prompt> prompts) {
        return MmluTables.table(data, tagger, version, prompts);
    }

    /** Whether the stand-in user accepts the model's answer to the prompt: the model was correct. */
    Optional<Boolean> accepts(String promptId, String model) {
        return Optional.ofNullable(correct.getOrDefault(promptId, Map.of()).get(model));
    }

    /**
     * Serves the prompts with the table and exploration, one decision per prompt at the given arrival rate, with
     * request ids {@code <prefix>-<n>}; each decision's outcome is the stand-in user's.
     */
    Served serve(RoutingTable table, ExplorationPolicy exploration, List<Prompt> prompts, String prefix) {
        Router router = new Router(CompiledTable.of(table), tagger, tokens,
                RouterSettings.DEFAULTS.withExploration(exploration), System::nanoTime);
        List<DecisionLogEntry> decisions = new ArrayList<>();
        List<OutcomeLogEntry> outcomes = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        int n = 0;
        for (Prompt p : prompts) {
            RouteRequest request = new RouteRequest(p.text(), null, null, null, null, CostPreference.of(0), null,
                    prefix + "-" + n, null);
            RouteDecision d;
            try {
                d = router.route(request);
            } catch (RuntimeException e) {
                continue; // a question the router refuses (too long): the user gets no routed answer
            }
            Optional<Boolean> accepted = accepts(p.id(), d.model());
            if (accepted.isEmpty()) {
                continue;
            }
            decisions.add(DecisionLogEntry.of(request, d, table.checksum(), t.plusMillis(100L * n), false));
            outcomes.add(new OutcomeLogEntry(d.requestId(), null, accepted.get(), null, null, null));
            n++;
        }
        return new Served(decisions, outcomes);
    }

    /** The table's true accept rate on these prompts: its deterministic choice judged by the dataset. */
    double truth(RoutingTable table, Collection<Prompt> prompts) {
        Router router = new Router(CompiledTable.of(table), tagger, tokens, RouterSettings.DEFAULTS,
                System::nanoTime);
        double sum = 0;
        int n = 0;
        for (Prompt p : prompts) {
            try {
                String model = router.route(new RouteRequest(p.text(), null, null, null, null, CostPreference.of(0),
                        null, "truth", null)).model();
                Optional<Boolean> accepted = accepts(p.id(), model);
                if (accepted.isPresent()) {
                    sum += accepted.get() ? 1 : 0;
                    n++;
                }
            } catch (RuntimeException e) {
                // refused questions are not served, as in serve()
            }
        }
        return sum / n;
    }

    static void writeJsonLines(List<?> rows, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object row : rows) {
                w.write(JSON.writeValueAsString(row));
                w.write('\n');
            }
        }
    }

}
