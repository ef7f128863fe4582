package dev.tagrouter.routing;

import dev.tagrouter.capability.ModelCapabilities;
import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.capability.Requirements;
import dev.tagrouter.capability.UnfitModel;
import dev.tagrouter.cost.CostEstimate;
import dev.tagrouter.cost.CostEstimator;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.decision.Candidate;
import dev.tagrouter.decision.Choice;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.DecisionReason;
import dev.tagrouter.decision.Reason;
import dev.tagrouter.decision.RoutingPolicy;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.tagging.ModalTagger;
import dev.tagrouter.tagging.Tagger;
import dev.tagrouter.tagging.Tagging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/** Routes one request: validate, tag, price the eligible models, let the routing policy decide, explain. */
public final class Router {

    private final CompiledTable table;
    private final ModalTagger tagger;
    private final TokenCounter tokens;
    private final RouterSettings settings;
    private final LongSupplier nanoTime;
    private final RequestValidator validator;
    private final RoutingPolicy policy;
    private final CostEstimator costs = new CostEstimator();
    private final CostPreference defaultPreference;
    private final ModelCatalog catalog;
    private final Map<String, TokenCounter> encodings;

    /** A router with one tagger only (tests, tools); requests for the remote tagger fall back to it. */
    public Router(CompiledTable table, Tagger tagger, TokenCounter tokens, RouterSettings settings,
                  LongSupplier nanoTime) {
        this(table, ModalTagger.only(tagger), tokens, settings, nanoTime);
    }

    public Router(CompiledTable table, ModalTagger tagger, TokenCounter tokens, RouterSettings settings,
                  LongSupplier nanoTime) {
        this(table, tagger, tokens, settings, nanoTime, ModelCatalog.EMPTY);
    }

    /** A router that removes the models the catalog says cannot serve a request before deciding. */
    public Router(CompiledTable table, ModalTagger tagger, TokenCounter tokens, RouterSettings settings,
                  LongSupplier nanoTime, ModelCatalog catalog) {
        this(table, tagger, tokens, settings, nanoTime, catalog, Map.of());
    }

    /**
     * A router that also checks context fit with each catalog model's own tokenizer.
     *
     * @param encodings counters by encoding name for the encodings the catalog names; a model whose encoding is
     *                  not here is counted with {@code tokens}
     */
    public Router(CompiledTable table, ModalTagger tagger, TokenCounter tokens, RouterSettings settings,
                  LongSupplier nanoTime, ModelCatalog catalog, Map<String, TokenCounter> encodings) {
        this.catalog = catalog;
        this.encodings = Map.copyOf(encodings);
        this.table = table;
        this.tagger = tagger;
        this.tokens = tokens;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.validator = new RequestValidator(settings);
        this.policy = RoutingPolicy.of(table, settings.exploration());
        this.defaultPreference = defaultPreference(settings, table.table().decision());
    }

    public CompiledTable table() {
        return table;
    }

    /** The cost preference of requests that send none. */
    public CostPreference defaultPreference() {
        return defaultPreference;
    }

    /** The routing policy this router serves. */
    public RoutingPolicy policy() {
        return policy;
    }

    /** The model catalog this router checks capabilities against. */
    public ModelCatalog catalog() {
        return catalog;
    }

    public RouteDecision route(RouteRequest request) {
        return route(request, Requirements.NONE);
    }

    /** Routes a request among the models that meet its requirements; the answer lists the others and why. */
    public RouteDecision route(RouteRequest request, Requirements needs) {
        return route(request, needs, TurnHistory.NONE);
    }

    /**
     * Routes a turn of a conversation: its earlier user turns add their tags at a lower weight, and the previous
     * turn's model prices the prefix its prompt cache holds at its cached-input price. {@link TurnHistory#NONE}
     * decides exactly as {@link #route(RouteRequest, Requirements)}.
     */
    public RouteDecision route(RouteRequest request, Requirements needs, TurnHistory history) {
        long start = nanoTime.getAsLong();
        validator.validate(request);
        CostPreference preference = request.costPreference() != null ? request.costPreference() : defaultPreference;
        double knob = resolve(preference, request.costPreference() != null);
        boolean[] eligible = eligibleModels(request);
        int inputTokens = countInputTokens(request);
        List<UnfitModel> unfit = removeUnfit(eligible, needs, request, inputTokens);
        Tagging tagging = tagger.tag(request.query(), request.tagger());
        List<DecisionTag> tags = RecentTurnTags.tags(table, tagging, history.earlierQueries(), tagger);
        RecentTurnTags.Known known = RecentTurnTags.known(table, tags);
        int[] knownTags = known.positions();
        PromptCache cache = promptCache(history, inputTokens);

        int[] models = new int[table.modelCount()];
        double[] modelCosts = new double[table.modelCount()];
        int n = 0;
        double cheapestRejected = Double.POSITIVE_INFINITY;
        for (int m = 0; m < table.modelCount(); m++) {
            if (!eligible[m]) {
                continue;
            }
            double cost = estimate(table.model(m), inputTokens, needs, cache).usd();
            if (request.maxCostUsd() != null && cost > request.maxCostUsd()) {
                cheapestRejected = Math.min(cheapestRejected, cost);
                continue;
            }
            models[n] = m;
            modelCosts[n++] = cost;
        }
        if (n == 0) {
            throw noEligibleModel(request, cheapestRejected);
        }
        int[] eligibleModels = java.util.Arrays.copyOf(models, n);
        RoutingPolicy.Decision decision = policy.decide(knownTags, known.weights(), eligibleModels,
                java.util.Arrays.copyOf(modelCosts, n), knob, request.requestId());

        Reason reason = explain(decision.choice(), knob, knownTags.length, tagging.tags().isEmpty());
        if (decision.explored()) {
            reason = new Reason(DecisionReason.EXPLORATION, "Exploration drew " + decision.served().model()
                    + " (probability " + format(decision.probabilities()[decision.byCost().indexOf(decision.served())])
                    + ") instead of " + decision.choice().chosen().model() + ": " + reason.message());
        } else if (cache != null && cache.discounts(decision.served().model())) {
            reason = keptForItsCache(reason, cache, known, eligibleModels, knob, inputTokens, needs);
        }

        ModelEntry model = table.model(table.modelIndex(decision.served().model()));
        CostEstimate cost = estimate(model, inputTokens, needs, cache);
        List<RankedModel> ranked = new ArrayList<>(decision.ranked().size());
        for (Candidate c : decision.ranked()) {
            ranked.add(new RankedModel(c.model(), c.costUsd()));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> chances = new LinkedHashMap<>();
        for (int i = 0; i < decision.byCost().size(); i++) {
            values.put(decision.byCost().get(i).model(), decision.byCost().get(i).score());
            chances.put(decision.byCost().get(i).model(), decision.probabilities()[i]);
        }
        long micros = (nanoTime.getAsLong() - start) / 1_000;
        return new RouteDecision(model.name(), cost.usd(), cost.inputTokens(), cost.outputTokens(), List.copyOf(tags),
                tagging.tagger(), tagging.unmatched(), tagging.fallback() == null ? null : tagging.fallback().code(),
                Collections.unmodifiableMap(values), knob, preference.preset(), Collections.unmodifiableMap(chances),
                reason, table.table().version(), request.sessionId(), request.requestId(), micros,
                List.copyOf(ranked), List.copyOf(unfit), cache);
    }

    /** The estimated cost of one pool model for a request of this many input tokens, or null if not in the pool. */
    public CostEstimate estimate(String model, int inputTokens, Requirements needs) {
        return estimate(model, inputTokens, needs, null);
    }

    /** The estimated cost with the previous model's prompt cache (null: none), as a decision's list prices it. */
    public CostEstimate estimate(String model, int inputTokens, Requirements needs, PromptCache cache) {
        int index = table.modelIndex(model);
        return index < 0 ? null : estimate(table.model(index), inputTokens, needs, cache);
    }

    // A caller's cap on output tokens bounds the answer length the table expects; the previous model's cache
    // serves the prefix it read at its cached price.
    private CostEstimate estimate(ModelEntry model, int inputTokens, Requirements needs, PromptCache cache) {
        int output = model.expectedOutputTokens();
        if (needs.maxOutputTokens() != null) {
            output = Math.min(output, needs.maxOutputTokens());
        }
        if (cache != null && cache.discounts(model.name())) {
            return costs.estimate(model, inputTokens, output, cache.prefixTokens(), cache.cachedInputUsdPerMTok());
        }
        return costs.estimate(model, inputTokens, output);
    }

    // The previous model's cache: the prefix it read, in this request's token count, and what leaving it costs.
    private PromptCache promptCache(TurnHistory history, int inputTokens) {
        int index = history.previousModel() == null ? -1 : table.modelIndex(history.previousModel());
        if (index < 0) {
            return null;
        }
        ModelEntry previous = table.model(index);
        int prefix = 0;
        for (ChatMessage message : history.cachedPrefix()) {
            prefix += tokens.count(message.content());
        }
        prefix = Math.min(prefix, inputTokens);
        Double cached = dev.tagrouter.cost.CachedInputPrice.of(previous, catalog.of(previous.name()));
        double loss = cached == null ? 0 : costs.cacheSavingUsd(previous, prefix, cached);
        return new PromptCache(previous.name(), prefix, cached, loss);
    }

    // When the previous model is served and its cached prefix is what made it win, the reason says so.
    private Reason keptForItsCache(Reason reason, PromptCache cache, RecentTurnTags.Known known, int[] models,
                                   double knob, int inputTokens, Requirements needs) {
        double[] fullPrice = new double[models.length];
        for (int i = 0; i < models.length; i++) {
            fullPrice[i] = estimate(table.model(models[i]), inputTokens, needs, null).usd();
        }
        Candidate withoutCache = policy.rule().decide(policy.candidates(known.positions(), known.weights(), models,
                fullPrice), knob).chosen();
        if (withoutCache.model().equals(cache.model())) {
            return reason;
        }
        return new Reason(reason.code(), reason.message() + " Its prompt cache decides it: " + cache.prefixTokens()
                + " prefix tokens at the cached price save " + String.format(Locale.ROOT, "%.8f", cache.cacheLossUsd())
                + " USD; at the full price " + withoutCache.model() + " would have been chosen.");
    }

    // Marks the models that cannot serve the request ineligible; refuses it when none is left.
    private List<UnfitModel> removeUnfit(boolean[] eligible, Requirements needs, RouteRequest request,
                                         int inputTokens) {
        List<UnfitModel> unfit = new ArrayList<>();
        Map<String, Integer> byEncoding = new java.util.HashMap<>(2);
        boolean anyLeft = false;
        boolean anyAsked = false;
        for (int m = 0; m < eligible.length; m++) {
            if (!eligible[m]) {
                continue;
            }
            anyAsked = true;
            String name = table.model(m).name();
            java.util.Optional<ModelCapabilities> caps = catalog.of(name);
            UnfitModel miss = null;
            if (caps.isPresent()) {
                // Context fit in the model's own tokens where its tokenizer is known, else the router's count.
                TokenCounter own = caps.get().encoding() == null ? null : encodings.get(caps.get().encoding());
                int tokensIn = own == null ? inputTokens
                        : byEncoding.computeIfAbsent(caps.get().encoding(), e -> countInputTokens(request, own));
                miss = caps.get().unfitFor(name, needs, tokensIn);
            }
            if (miss == null) {
                anyLeft = true;
            } else {
                eligible[m] = false;
                unfit.add(miss);
            }
        }
        if (anyAsked && !anyLeft) {
            java.util.Set<String> missing = new java.util.TreeSet<>();
            unfit.forEach(u -> missing.add(u.code().name()));
            throw new RouteException(ErrorCode.NO_ELIGIBLE_MODEL, "No eligible model can serve this request "
                    + missing + ": " + String.join(" ", unfit.stream().map(UnfitModel::message).toList()));
        }
        return unfit;
    }

    // The configured preference, else the table's default preset, else 0: the best estimate.
    private static CostPreference defaultPreference(RouterSettings settings, DecisionSettings decision) {
        CostPreference preference = settings.costPreference()
                .orElseGet(() -> CostPreference.tableDefault(decision));
        preference.resolve(decision); // a configured preset this table lacks stops the start
        return preference;
    }

    private double resolve(CostPreference preference, boolean fromRequest) {
        try {
            return preference.resolve(table.table().decision());
        } catch (IllegalArgumentException e) {
            if (!fromRequest) {
                throw e;
            }
            throw new RouteException(ErrorCode.INVALID_COST_PREFERENCE, "Field 'costPreference': "
                    + e.getMessage() + ".");
        }
    }

    private boolean[] eligibleModels(RouteRequest request) {
        boolean[] eligible = new boolean[table.modelCount()];
        if (request.candidates().isEmpty()) {
            java.util.Arrays.fill(eligible, true);
        }
        for (String name : request.candidates()) {
            eligible[requireKnown("candidates", name)] = true;
        }
        for (String name : request.exclude()) {
            eligible[requireKnown("exclude", name)] = false;
        }
        return eligible;
    }

    private int requireKnown(String field, String model) {
        int index = table.modelIndex(model);
        if (index < 0) {
            throw new RouteException(ErrorCode.UNKNOWN_MODEL, "Model '" + model + "' in '" + field
                    + "' is not in the routing table's pool " + poolNames() + ".");
        }
        return index;
    }

    private int countInputTokens(RouteRequest request) {
        return countInputTokens(request, tokens);
    }

    private static int countInputTokens(RouteRequest request, TokenCounter counter) {
        int count = counter.count(request.query());
        for (ChatMessage message : request.messages()) {
            count += counter.count(message.content());
        }
        return count;
    }

    private Reason explain(Choice choice, double knob, int knownTags, boolean untagged) {
        Candidate chosen = choice.chosen();
        String basis = knownTags == 0 ? "on the models' overall accept rates"
                : "over " + knownTags + (knownTags == 1 ? " known tag" : " known tags");
        if (knownTags == 0 && choice.reason() != DecisionReason.ONLY_CANDIDATE) {
            return new Reason(DecisionReason.NO_KNOWN_TAG, (untagged ? "The query carries no tag"
                    : "No tag of the query is in the table") + ", so " + chosen.model() + " was chosen on the models'"
                    + " overall accept rates (cost preference " + format(knob) + ").");
        }
        return new Reason(choice.reason(), switch (choice.reason()) {
            case TOP_SCORE -> chosen.model() + " has the best estimate " + basis + ".";
            case ONLY_CANDIDATE -> chosen.model() + " is the only eligible model.";
            case CHEAPER_WITHIN_PREFERENCE -> chosen.model() + " is cheaper; its estimate is "
                    + format(choice.topScoring().score() - chosen.score()) + " below " + choice.topScoring().model()
                    + "'s " + basis + ", a trade cost preference " + format(knob) + " accepts.";
            case PREMIUM_OVER_PREFERENCE -> chosen.model() + " costs more, but no cheaper model beat it by the margin"
                    + " cost preference " + format(knob) + " asks " + basis + ".";
            case NO_KNOWN_TAG, EXPLORATION, PASS_THROUGH, PINNED, TOOL_LOOP -> throw new IllegalStateException("rules never return " + choice.reason());
        });
    }

    private RouteException noEligibleModel(RouteRequest request, double cheapestRejected) {
        if (Double.isFinite(cheapestRejected)) {
            return new RouteException(ErrorCode.NO_ELIGIBLE_MODEL, "No eligible model fits maxCostUsd "
                    + request.maxCostUsd() + ": the cheapest eligible model would cost about "
                    + String.format(Locale.ROOT, "%.8f", cheapestRejected) + " USD for this query.");
        }
        return new RouteException(ErrorCode.NO_ELIGIBLE_MODEL,
                "The candidates and exclude lists leave no model of the pool to route to.");
    }

    private List<String> poolNames() {
        return table.table().models().stream().map(ModelEntry::name).toList();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
