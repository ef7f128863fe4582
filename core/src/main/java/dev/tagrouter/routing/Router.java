package dev.tagrouter.routing;

import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.decision.DecisionReason;
import dev.tagrouter.decision.ExplorationPolicy;
import dev.tagrouter.decision.TagDecider;
import dev.tagrouter.decision.Reason;
import dev.tagrouter.cost.CostEstimator;
import dev.tagrouter.cost.CostEstimate;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.tagging.MatchedTag;
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

/** Routes one request: tags the query, sums the table's scores per eligible model, decides, prices the call. */
public final class Router {

    private final CompiledTable table;
    private final ModalTagger tagger;
    private final TokenCounter tokens;
    private final RouterSettings settings;
    private final LongSupplier nanoTime;
    private final RequestValidator validator;
    private final CostEstimator costs = new CostEstimator();
    private final TagDecider decider = new TagDecider();
    private final int defaultModel;

    /** A router with one tagger only (tests, tools); requests for the remote tagger fall back to it. */
    public Router(CompiledTable table, Tagger tagger, TokenCounter tokens, RouterSettings settings,
                  LongSupplier nanoTime) {
        this(table, ModalTagger.only(tagger), tokens, settings, nanoTime);
    }

    public Router(CompiledTable table, ModalTagger tagger, TokenCounter tokens, RouterSettings settings,
                  LongSupplier nanoTime) {
        this.table = table;
        this.tagger = tagger;
        this.tokens = tokens;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.validator = new RequestValidator(settings);
        String name = settings.defaultModel().orElse(table.table().defaultModel());
        this.defaultModel = table.modelIndex(name);
        if (defaultModel < 0) {
            throw new IllegalArgumentException("default model '" + name + "' is not in the routing table's pool "
                    + poolNames());
        }
    }

    public CompiledTable table() {
        return table;
    }

    public RouteDecision route(RouteRequest request) {
        long start = nanoTime.getAsLong();
        validator.validate(request);
        boolean[] eligible = eligibleModels(request);
        Tagging tagging = tagger.tag(request.query(), request.tagger());
        int inputTokens = countInputTokens(request);

        List<DecisionTag> tags = new ArrayList<>(tagging.tags().size());
        List<Integer> knownTags = new ArrayList<>(tagging.tags().size());
        for (MatchedTag tag : tagging.tags()) {
            int index = table.tagIndex(tag.tag());
            tags.add(new DecisionTag(tag.tag(), tag.match(), index >= 0));
            if (index >= 0) {
                knownTags.add(index);
            }
        }

        List<TagDecider.Candidate> candidates = new ArrayList<>();
        double cheapestRejected = Double.POSITIVE_INFINITY;
        for (int m = 0; m < table.modelCount(); m++) {
            if (!eligible[m]) {
                continue;
            }
            double cost = costs.estimate(table.model(m), inputTokens).usd();
            if (request.maxCostUsd() != null && cost > request.maxCostUsd()) {
                cheapestRejected = Math.min(cheapestRejected, cost);
                continue;
            }
            double score = 0;
            for (int t : knownTags) {
                score += table.score(t, m);
            }
            candidates.add(new TagDecider.Candidate(table.model(m).name(), score, cost));
        }
        if (candidates.isEmpty()) {
            throw noEligibleModel(request, cheapestRejected);
        }

        TagDecider.Candidate chosen;
        Reason reason;
        if (knownTags.isEmpty()) {
            chosen = fallbackModel(candidates);
            reason = new Reason(DecisionReason.NO_KNOWN_TAG, tagging.tags().isEmpty()
                    ? "The query carries no tag; routed to the default model " + chosen.model() + "."
                    : "None of the query's tags is in the routing table; routed to the default model "
                    + chosen.model() + ".");
        } else {
            double theta = request.costPreference() != null ? request.costPreference() : settings.defaultTheta();
            TagDecider.Choice choice = decider.decide(candidates, theta);
            chosen = choice.chosen();
            reason = new Reason(choice.reason(), explain(choice, theta, knownTags.size()));
        }

        candidates.sort(TagDecider.CHEAPEST_FIRST);
        double[] probabilities = oneHot(candidates, chosen);
        if (settings.exploration().isPresent()) {
            ExplorationPolicy policy = settings.exploration().get();
            probabilities = policy.probabilities(candidates, chosen);
            TagDecider.Candidate drawn = candidates.get(policy.sample(probabilities, requestId(request)));
            if (!drawn.equals(chosen)) {
                reason = new Reason(DecisionReason.EXPLORATION, "Exploration drew " + drawn.model()
                        + " (probability " + format(probabilities[candidates.indexOf(drawn)]) + ") instead of "
                        + chosen.model() + ": " + reason.message());
                chosen = drawn;
            }
        }

        ModelEntry model = table.model(table.modelIndex(chosen.model()));
        CostEstimate cost = costs.estimate(model, inputTokens);
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Double> chances = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            scores.put(candidates.get(i).model(), candidates.get(i).score());
            chances.put(candidates.get(i).model(), probabilities[i]);
        }
        long micros = (nanoTime.getAsLong() - start) / 1_000;
        return new RouteDecision(model.name(), cost.usd(), cost.inputTokens(), cost.outputTokens(), List.copyOf(tags),
                tagging.tagger(), tagging.unmatched(), tagging.fallback() == null ? null : tagging.fallback().code(),
                Collections.unmodifiableMap(scores), Collections.unmodifiableMap(chances), reason,
                table.table().version(), request.sessionId(), request.requestId(), micros);
    }

    private static double[] oneHot(List<TagDecider.Candidate> candidates, TagDecider.Candidate chosen) {
        double[] p = new double[candidates.size()];
        p[candidates.indexOf(chosen)] = 1;
        return p;
    }

    private static String requestId(RouteRequest request) {
        if (request.requestId() == null) {
            throw new IllegalStateException("exploration needs a request id to seed the draw; the caller's edge"
                    + " must give every request one");
        }
        return request.requestId();
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
        int count = tokens.count(request.query());
        for (ChatMessage message : request.messages()) {
            count += tokens.count(message.content());
        }
        return count;
    }

    private TagDecider.Candidate fallbackModel(List<TagDecider.Candidate> candidates) {
        String preferred = table.model(defaultModel).name();
        TagDecider.Candidate best = null;
        for (TagDecider.Candidate c : candidates) {
            if (c.model().equals(preferred)) {
                return c;
            }
            if (best == null || table.priorScore(table.modelIndex(c.model()))
                    > table.priorScore(table.modelIndex(best.model()))) {
                best = c;
            }
        }
        return best;
    }

    private static String explain(TagDecider.Choice choice, double theta, int knownTags) {
        String scores = knownTags + (knownTags == 1 ? " known tag" : " known tags");
        return switch (choice.reason()) {
            case TOP_SCORE -> choice.chosen().model() + " has the highest summed score over " + scores + ".";
            case ONLY_CANDIDATE -> choice.chosen().model() + " is the only eligible model.";
            case CHEAPER_WITHIN_THETA -> choice.chosen().model() + " is cheaper and scores "
                    + format(choice.topScoring().score() - choice.chosen().score()) + " below "
                    + choice.topScoring().model() + ", within theta " + format(theta) + ".";
            case PREMIUM_OVER_THETA -> choice.chosen().model() + " costs more, but no cheaper model beat it by theta "
                    + format(theta) + " over " + scores + ".";
            case NO_KNOWN_TAG, EXPLORATION -> throw new IllegalStateException("the decider never returns " + choice.reason());
        };
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
