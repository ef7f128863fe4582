package dev.tagrouter.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tagrouter.cost.TokenEncoding;
import dev.tagrouter.decision.Candidate;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.RoutingPolicy;
import dev.tagrouter.routing.DecisionTag;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteException;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.RouterSettings;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.CurvePoint;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tablebuilding.DatasetException;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tagging.RuleTagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Routes a prompt file offline through the product's own {@link Router} (the embedded rule tagger, the real token
 * counter, default router settings, one router for the whole file, shared by one worker per core) and writes every
 * decision as {@code /v1/route} returns it, preceded by the prompt's id: one JSON line per prompt and cost preference,
 * in the file's order.
 *
 * <p>The decision's own {@code costPreference} is the knob the request was decided with and its {@code preset} the
 * preset name it came from (null for a number), so the cost preference as given is {@code preset} when a name was
 * given and {@code costPreference} when a number was.
 */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = "Route the prompts of a JSON-lines file (fields 'id' and 'prompt') with a routing table, as the"
                + " service would, at one or several cost preferences; writes one JSON line per prompt and cost"
                + " preference: 'id' and every field of the /v1/route answer ('costPreference' is the knob decided"
                + " with, 'preset' the preset name it came from).")
final class RouteCommand implements Callable<Integer> {

    /** Sweep range of a table without a cross-validated curve (widened to the prompts' own breakpoints). */
    static final double NO_CURVE_LOW = -1;
    static final double NO_CURVE_HIGH = 0;

    private static final int BUFFER_CHARS = 1 << 16;
    /** Prompts routed in parallel between two writes: enough to keep every core busy, few enough to stream. */
    private static final int BATCH = 512;

    @Option(names = "--table", required = true, description = "the routing table")
    Path table;

    @Option(names = "--prompts", required = true, description = "prompts, JSON lines with string fields 'id' and"
            + " 'prompt' (the dataset format; other fields are ignored)")
    Path prompts;

    @Option(names = "--cost-preference", description = "a preset name of the table or a number; repeatable, each"
            + " prompt is routed at each (default: the table's default preset)")
    List<String> costPreferences = new ArrayList<>();

    @Option(names = "--sweep", description = "instead of --cost-preference: route at N >= 2 cost preferences spread"
            + " evenly from below every knob where a choice of these prompts changes (always the cheapest model) to"
            + " above every such knob: the range of the table's cross-validated curve (else " + NO_CURVE_LOW + " to "
            + NO_CURVE_HIGH + "), widened to the prompts' own breakpoints")
    Integer sweep;

    @Option(names = "--out", description = "file for the decisions (default: standard output)")
    Path out;

    @Spec
    CommandSpec spec;

    /** One output line: the prompt's id followed by the decision's own fields, named as the service names them. */
    record Line(String id, @JsonUnwrapped RouteDecision decision) {
    }

    /** One prompt of the file, with its line number for error messages. */
    private record Prompt(int line, String id, String text) {
    }

    // Jackson's defaults, as the service serialises decisions.
    private final ObjectMapper json = new ObjectMapper();
    private final DatasetReader datasetReader = new DatasetReader();

    @Override
    public Integer call() throws IOException {
        requireFile(table, "table");
        requireFile(prompts, "prompts");
        // The tagger's automaton loads while this thread reads the table.
        CompletableFuture<RuleTagger> tagger = CompletableFuture.supplyAsync(RuleTagger::withCuratedVocabulary);
        RoutingTable routingTable = new RoutingTableCodec().read(table);
        List<CostPreference> preferences = sweep != null ? null : preferences(routingTable.decision());
        Router router = new Router(CompiledTable.of(routingTable), tagger.join(), TokenEncoding.CL100K_BASE.counter(),
                RouterSettings.DEFAULTS, System::nanoTime);
        long start = System.nanoTime();
        List<CostPreference> knobs = preferences != null ? preferences : sweepPreferences(router);
        ObjectWriter writer = json.writerFor(Line.class);
        long[] counts = new long[2];
        if (out != null && out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(new KeepOpen(System.out),
                StandardCharsets.UTF_8), BUFFER_CHARS) : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            forEachPrompt(prompt -> {
                String[] lines = new String[knobs.size()];
                for (int i = 0; i < lines.length; i++) {
                    try {
                        RouteDecision decision = route(router, prompt, knobs.get(i));
                        lines[i] = writer.writeValueAsString(new Line(prompt.id(), decision));
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return lines;
            }, lines -> {
                for (String line : lines) {
                    w.write(line);
                    w.write('\n');
                }
                counts[0]++;
                counts[1] += lines.length;
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter status = out == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
        status.printf(Locale.ROOT, "routed %d prompts at %d cost preference%s (%s): %d decisions in %.2f s%s%n",
                counts[0], knobs.size(), knobs.size() == 1 ? "" : "s", describe(knobs), counts[1],
                seconds, out == null ? "" : ", wrote " + out);
        status.flush();
        return 0;
    }

    /** The given preferences, each checked against the table before any prompt is routed; null: the table's default. */
    List<CostPreference> preferences(DecisionSettings decision) {
        List<CostPreference> list = new ArrayList<>();
        if (costPreferences.isEmpty()) {
            list.add(null); // a request without a preference gets the router's default: the table's default preset
            return list;
        }
        for (String text : costPreferences) {
            CostPreference p;
            try {
                p = CostPreference.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--cost-preference " + text + ": " + e.getMessage());
            }
            p.resolve(decision); // an unknown preset fails here, naming the table's presets
            list.add(p);
        }
        return list;
    }

    /**
     * The sweep's knobs. The table's curve was measured with the tables of its cross-validation folds, whose
     * breakpoints differ from the whole table's, so a first pass routes every prompt once and widens the range to the
     * prompts' own breakpoints under this table: the lowest knob then sends every prompt to its cheapest model.
     */
    private List<CostPreference> sweepPreferences(Router router) throws IOException {
        if (!costPreferences.isEmpty()) {
            throw new IllegalArgumentException("give either --cost-preference or --sweep, not both");
        }
        if (sweep < 2) {
            throw new IllegalArgumentException("--sweep needs at least 2 values, got " + sweep);
        }
        DecisionSettings decision = router.table().table().decision();
        double[] range = curveRange(decision);
        RoutingPolicy policy = router.policy();
        int[] pool = IntStream.range(0, router.table().modelCount()).toArray();
        double[] seen = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        forEachPrompt(prompt -> {
            RouteDecision d = route(router, prompt, CostPreference.of(0));
            int[] known = router.table().knownTags(d.tags().stream().map(DecisionTag::tag).toList());
            List<Candidate> byCost = policy.candidates(known, pool, policy.costsUsd(pool, d.inputTokens()));
            double[] extremes = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            policy.rule().breakpoints(byCost, v -> {
                if (Double.isFinite(v)) {
                    extremes[0] = Math.min(extremes[0], v);
                    extremes[1] = Math.max(extremes[1], v);
                }
            });
            return extremes;
        }, extremes -> {
            seen[0] = Math.min(seen[0], extremes[0]);
            seen[1] = Math.max(seen[1], extremes[1]);
        });
        if (seen[0] <= seen[1]) {
            // Just past the extreme breakpoints, as the evaluation's grid does.
            range[0] = Math.min(range[0], seen[0] - Math.max(1e-6, Math.abs(seen[0]) * 1e-6));
            range[1] = Math.max(range[1], seen[1] + Math.max(1e-6, Math.abs(seen[1]) * 1e-6));
        }
        List<CostPreference> list = new ArrayList<>(sweep);
        for (double v : spread(range[0], range[1], sweep)) {
            list.add(CostPreference.of(v));
        }
        return list;
    }

    /** The range of the table's cross-validated curve, else {@value #NO_CURVE_LOW} to {@value #NO_CURVE_HIGH}. */
    static double[] curveRange(DecisionSettings decision) {
        if (decision.curve().isEmpty()) {
            return new double[]{NO_CURVE_LOW, NO_CURVE_HIGH};
        }
        return new double[]{decision.curve().stream().mapToDouble(CurvePoint::costPreference).min().orElseThrow(),
                decision.curve().stream().mapToDouble(CurvePoint::costPreference).max().orElseThrow()};
    }

    /** n values evenly spread from lo to hi, both included. */
    static double[] spread(double lo, double hi, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
        }
        return values;
    }

    private RouteDecision route(Router router, Prompt prompt, CostPreference preference) {
        try {
            return router.route(new RouteRequest(prompt.text(), null, null, null, null, preference, null,
                    prompt.id(), null));
        } catch (RouteException e) {
            throw new IllegalArgumentException(prompts + ":" + prompt.line() + " (id " + prompt.id() + "): "
                    + e.getMessage());
        }
    }

    private interface Sink<R> {
        void accept(R result) throws IOException;
    }

    /**
     * Streams the prompt file (blank lines skipped) in batches; the prompts of a batch are worked on in parallel by
     * the one shared router, and their results handed to the sink in file order. A malformed line or a refused
     * prompt stops the run after the results of the prompts before it, naming the file and line.
     */
    private <R> void forEachPrompt(Function<Prompt, R> work, Sink<R> sink) throws IOException {
        List<Prompt> batch = new ArrayList<>(BATCH);
        try (BufferedReader in = Files.newBufferedReader(prompts, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Prompt prompt;
                try {
                    prompt = prompt(line, lineNo);
                } catch (DatasetException e) {
                    process(batch, work, sink);
                    throw e;
                }
                batch.add(prompt);
                if (batch.size() == BATCH) {
                    process(batch, work, sink);
                    batch.clear();
                }
            }
        }
        process(batch, work, sink);
    }

    @SuppressWarnings("unchecked")
    private static <R> void process(List<Prompt> batch, Function<Prompt, R> work, Sink<R> sink) throws IOException {
        Object[] results = new Object[batch.size()];
        RuntimeException[] errors = new RuntimeException[batch.size()];
        IntStream.range(0, batch.size()).parallel().forEach(i -> {
            try {
                results[i] = work.apply(batch.get(i));
            } catch (RuntimeException e) {
                errors[i] = e;
            }
        });
        for (int i = 0; i < results.length; i++) {
            if (errors[i] != null) {
                throw errors[i];
            }
            sink.accept((R) results[i]);
        }
    }

    private Prompt prompt(String line, int lineNo) {
        dev.tagrouter.tablebuilding.Prompt p = datasetReader.promptLine(line, prompts, lineNo);
        return new Prompt(lineNo, p.id(), p.text());
    }

    private static String describe(List<CostPreference> preferences) {
        if (preferences.size() == 1 && preferences.get(0) == null) {
            return "the table's default";
        }
        List<String> names = new ArrayList<>();
        for (CostPreference p : preferences) {
            names.add(p.preset() != null ? p.preset() : String.format(Locale.ROOT, "%.4g", p.value()));
        }
        if (names.size() > 6) {
            return names.get(0) + ", " + names.get(1) + ", ..., " + names.get(names.size() - 1);
        }
        return String.join(", ", names);
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " file " + file + " does not exist");
        }
    }

    /** Standard output, flushed but left open when the writer over it is closed. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream target) {
            super(target);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
