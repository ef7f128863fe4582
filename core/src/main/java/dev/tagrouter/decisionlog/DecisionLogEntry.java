package dev.tagrouter.decisionlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tagrouter.routing.DecisionTag;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.routing.ShadowDecision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One line of the decision log: everything off-policy evaluation needs to re-weigh a decision (the full probability
 * vector over the eligible models and the context the rule saw), and nothing of the user's text unless asked.
 * Outcomes are joined later by {@code requestId}.
 *
 * @param requestId        id of the request
 * @param timestamp        when the decision was made (ISO-8601, UTC)
 * @param sessionId        the caller's conversation id, or null
 * @param queryHash        "sha256:" + hex digest of the query text
 * @param query            the query text, only when logging prompts was explicitly enabled
 * @param tags             the query's canonical tags
 * @param knownTags        the tags the table knows (those that moved the scores)
 * @param costPreference   the decision rule's knob the request was decided with
 * @param probabilities    eligible model to the probability it was chosen with, cheapest first
 * @param chosenModel      the model the caller was told to use
 * @param estimatedCostUsd estimated cost of that call
 * @param inputTokens      tokens of the query and earlier messages
 * @param tableVersion     routing table version
 * @param tableChecksum    routing table checksum
 * @param tagger           tagger that produced the tags
 * @param fallbackReason   why the rules tagged a query meant for the remote tagger, or null
 * @param reason           decision reason code
 * @param shadowModel      the model the shadow table would have served (tagrouter.shadow-table.path), or null
 * @param shadowProbability the probability the shadow table's policy drew it with
 * @param shadowProbabilities eligible model the shadow table knows to its shadow probability, cheapest first
 * @param shadowTableVersion  the shadow table's version
 * @param shadowTableChecksum the shadow table's checksum
 * @param tagWeights       each tag's weight in the order of {@code tags} when an earlier conversation turn added
 *                         tags below weight 1; absent when every weight is 1
 */
public record DecisionLogEntry(String requestId, String timestamp, String sessionId, String queryHash, String query,
                               List<String> tags, List<String> knownTags, double costPreference,
                               Map<String, Double> probabilities,
                               String chosenModel, double estimatedCostUsd, int inputTokens, String tableVersion,
                               String tableChecksum, String tagger, String fallbackReason,
                               String reason,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String shadowModel,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Double shadowProbability,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> shadowProbabilities,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String shadowTableVersion,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String shadowTableChecksum,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> tagWeights) {

    public static DecisionLogEntry of(RouteRequest request, RouteDecision decision, String tableChecksum,
                                      Instant now, boolean includeQuery) {
        return new DecisionLogEntry(decision.requestId(), now.toString(), request.sessionId(), hash(request.query()),
                includeQuery ? request.query() : null,
                decision.tags().stream().map(DecisionTag::tag).toList(),
                decision.tags().stream().filter(DecisionTag::known).map(DecisionTag::tag).toList(),
                decision.costPreference(), decision.probabilities(), decision.model(), decision.estimatedCostUsd(),
                decision.inputTokens(),
                decision.tableVersion(), tableChecksum, decision.tagger(), decision.fallbackReason(),
                decision.reason().code().name(), null, null, null, null, null,
                dev.tagrouter.routing.RecentTurnTags.weights(decision.tags()));
    }

    /** This entry with what the shadow table would have served next to the live choice. */
    public DecisionLogEntry withShadow(ShadowDecision shadow) {
        return new DecisionLogEntry(requestId, timestamp, sessionId, queryHash, query, tags, knownTags, costPreference,
                probabilities, chosenModel, estimatedCostUsd, inputTokens, tableVersion, tableChecksum, tagger,
                fallbackReason, reason, shadow.model(), shadow.model() == null ? null : shadow.probability(),
                shadow.probabilities(), shadow.tableVersion(), shadow.tableChecksum(), tagWeights);
    }

    /** The hash under which a query appears in logs. */
    public static String hash(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
