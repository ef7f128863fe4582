package dev.tagrouter.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tagrouter.capability.UnfitModel;
import dev.tagrouter.decision.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The router's answer: the model to call, what the call should cost, and why.
 *
 * @param model                the chosen model
 * @param estimatedCostUsd     estimated price of the call at the model's list prices
 * @param inputTokens          tokens of the query and earlier messages
 * @param expectedOutputTokens the model's typical answer length from the routing table
 * @param tags                 the query's canonical tags with the text that produced them
 * @param tagger               which tagger produced the tags: {@code rules}, {@code remote} or {@code hybrid}
 * @param unmatchedTags        the remote tagger's tags that matched no vocabulary tag
 * @param fallbackReason       why the rules tagged a query the remote tagger was asked for; null otherwise
 * @param acceptRates          the estimated accept rate of every eligible model, cheapest first (with a table scored
 *                             the paper's way, its summed tag scores): the values the decision rule compared
 * @param costPreference       the decision rule's knob this request was decided with
 * @param preset               the preset that knob came from, or null when a number was given
 * @param probabilities        probability with which each eligible model was chosen: 1 for the chosen model unless
 *                             exploration is on
 * @param reason               why this model
 * @param tableVersion         version of the routing table used
 * @param sessionId            the caller's session id, if one was sent
 * @param requestId            the request's id, sent or given
 * @param decisionMicros       time spent deciding, in microseconds
 * @param models               the models to call in order: the choice first, then the eligible fallbacks in the
 *                             order the decision rule prefers them, each with its estimated cost
 * @param unfitModels          models removed before deciding because they cannot serve the request, and why
 * @param promptCache          the previous turn's model and its cached prefix, when the caller named that model;
 *                             absent from the JSON otherwise
 */
@JsonSerialize(using = RouteDecisionSerializer.class)
public record RouteDecision(String model, double estimatedCostUsd, int inputTokens, int expectedOutputTokens,
                            List<DecisionTag> tags, String tagger, List<String> unmatchedTags,
                            String fallbackReason, Map<String, Double> acceptRates,
                            double costPreference, String preset,
                            Map<String, Double> probabilities, Reason reason, String tableVersion, String sessionId,
                            String requestId, long decisionMicros, List<RankedModel> models,
                            List<UnfitModel> unfitModels,
                            @JsonInclude(JsonInclude.Include.NON_NULL) PromptCache promptCache) {

    /**
     * The same decision led by another model (a pass-through, a pin, a tool loop): it moves to the front of
     * {@code models}, the others keep their order, and {@code probabilities} say it was served for sure, so a
     * decision log never records a model as drawn by the policy with the policy's probability of another.
     */
    public RouteDecision ledBy(String lead, dev.tagrouter.cost.CostEstimate cost, Reason why) {
        List<RankedModel> ranked = new ArrayList<>(models.size() + 1);
        ranked.add(new RankedModel(lead, cost.usd()));
        for (RankedModel m : models) {
            if (!m.model().equals(lead)) {
                ranked.add(m);
            }
        }
        Map<String, Double> served = new java.util.LinkedHashMap<>();
        probabilities.keySet().forEach(m -> served.put(m, 0.0));
        served.put(lead, 1.0);
        return new RouteDecision(lead, cost.usd(), inputTokens, cost.outputTokens(), tags, tagger, unmatchedTags,
                fallbackReason, acceptRates, costPreference, preset, java.util.Collections.unmodifiableMap(served),
                why, tableVersion, sessionId,
                requestId, decisionMicros, List.copyOf(ranked), unfitModels, promptCache);
    }
}
