package dev.tagrouter.routing;

import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.tagging.TaggerMode;

import java.util.List;

/**
 * What a chat app asks: which model should answer this query.
 *
 * @param query          the user's message to route (required)
 * @param messages       earlier turns, counted as input tokens
 * @param candidates     allow-list of models; empty means the whole pool
 * @param exclude        models never to choose
 * @param maxCostUsd     models whose estimated cost exceeds this are not eligible; null means no cap
 * @param costPreference the cost/quality trade-off for this request (a preset name or a number); null means the
 *                       configured default, else the table's
 * @param sessionId      the caller's conversation id, echoed for correlation
 * @param requestId      the caller's id of this request (joins outcomes to decision logs; seeds exploration)
 * @param tagger         tagger mode for this request; null means the configured mode
 */
public record RouteRequest(String query, List<ChatMessage> messages, List<String> candidates, List<String> exclude,
                           Double maxCostUsd, CostPreference costPreference, String sessionId,
                           String requestId, TaggerMode tagger) {

    public RouteRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    public RouteRequest withRequestId(String id) {
        return new RouteRequest(query, messages, candidates, exclude, maxCostUsd, costPreference, sessionId, id,
                tagger);
    }

    public static RouteRequest of(String query) {
        return new RouteRequest(query, null, null, null, null, null, null, null, null);
    }
}
