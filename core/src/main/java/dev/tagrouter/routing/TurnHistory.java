package dev.tagrouter.routing;

import java.util.List;

/**
 * What a conversation tells about the turn being routed, beyond its own text: the model that answered the previous
 * turn, the part of the input that model has already read (its prompt cache holds it), and the user's earlier turns.
 *
 * @param previousModel  the model of the previous assistant turn, as the caller names it; null when unknown
 * @param cachedPrefix   the context messages the previous model read as the input of its previous call (the turns
 *                       before the last assistant turn, system text and tool definitions): what its prompt cache
 *                       can serve again. Each is also in the request's messages
 * @param earlierQueries the text the user wrote in earlier turns, the most recent first
 */
public record TurnHistory(String previousModel, List<ChatMessage> cachedPrefix, List<String> earlierQueries) {

    /** A request that stands alone: no previous model, no earlier user turn. */
    public static final TurnHistory NONE = new TurnHistory(null, List.of(), List.of());

    public TurnHistory {
        cachedPrefix = cachedPrefix == null ? List.of() : List.copyOf(cachedPrefix);
        earlierQueries = earlierQueries == null ? List.of() : List.copyOf(earlierQueries);
    }
}
