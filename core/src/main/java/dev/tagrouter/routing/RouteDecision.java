package dev.tagrouter.routing;

import dev.tagrouter.decision.Reason;
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
 */
public record RouteDecision(String model, double estimatedCostUsd, int inputTokens, int expectedOutputTokens,
                            List<DecisionTag> tags, String tagger, List<String> unmatchedTags,
                            String fallbackReason, Map<String, Double> acceptRates,
                            double costPreference, String preset,
                            Map<String, Double> probabilities, Reason reason, String tableVersion, String sessionId,
                            String requestId, long decisionMicros) {
}
