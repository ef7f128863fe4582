package dev.tagrouter.gateway;

import dev.tagrouter.capability.Requirements;
import dev.tagrouter.routing.ChatMessage;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the turns of a provider body as text, in order, with what their non-text parts require. The written text
 * of the last user turn that has some becomes the query; everything else (earlier turns, tool calls and results,
 * system text, tool definitions) is its context. It also keeps what the previous call already sent (the prefix a
 * prompt cache holds) and the user's earlier written turns. One instance per body.
 */
final class Conversation {

    private record Turn(String role, String written, String other, boolean definitions) {
    }

    private final List<Turn> turns = new ArrayList<>();
    private int lastUserText = -1;
    private int lastAssistant = -1;
    private String role;
    private boolean definitions;
    private StringBuilder written;
    private StringBuilder other;
    boolean vision;
    boolean audio;
    boolean files;
    boolean endsInToolLoop;

    /** Starts a turn; what {@link #text} and {@link #context} add belongs to it until the next turn starts. */
    void turn(String role) {
        close();
        this.role = role;
        definitions = false;
        written = new StringBuilder();
        other = new StringBuilder();
    }

    /**
     * Starts a turn that holds what the body defines for every call (tools, functions, a response format): the
     * provider puts it at the start of the prompt, so it belongs to the prefix a prompt cache serves again.
     */
    void definitions(String field) {
        turn(field);
        definitions = true;
    }

    /** Text the turn's author wrote: for a user turn, what the query is made of. */
    void text(String text) {
        append(written, text);
    }

    /** Text the model reads but nobody wrote in this turn: tool calls, tool results, definitions. */
    void context(String text) {
        append(other, text);
    }

    private static void append(StringBuilder to, String text) {
        if (text != null && !text.isEmpty()) {
            if (!to.isEmpty()) {
                to.append('\n');
            }
            to.append(text);
        }
    }

    private void close() {
        if (written == null) {
            return;
        }
        String text = written.toString();
        if ("user".equals(role) && !text.isBlank()) {
            lastUserText = turns.size();
        }
        if ("assistant".equals(role)) {
            lastAssistant = turns.size();
        }
        turns.add(new Turn(role, text, other.toString(), definitions));
        written = null;
    }

    ProviderRequest request(String model, boolean tools, boolean structuredOutput, Integer maxOutputTokens) {
        close();
        if (lastUserText < 0) {
            throw new RouteException(ErrorCode.QUERY_REQUIRED, "The body has no user turn with text to route on.");
        }
        List<ChatMessage> context = new ArrayList<>(turns.size());
        List<ChatMessage> cachedPrefix = new ArrayList<>();
        List<String> earlierQueries = new ArrayList<>();
        String query = turns.get(lastUserText).written();
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            String billed = i == lastUserText ? t.other()
                    : t.written().isEmpty() ? t.other() : t.other().isEmpty() ? t.written()
                    : t.written() + "\n" + t.other();
            // The previous call's input: every turn before the answer it produced (the last assistant turn).
            boolean cached = t.definitions() || i < lastAssistant;
            if (!billed.isEmpty()) {
                ChatMessage message = new ChatMessage(t.role(), billed);
                context.add(message);
                if (cached) {
                    cachedPrefix.add(message);
                }
            }
            if (cached && i == lastUserText) {
                cachedPrefix.add(new ChatMessage(t.role(), query)); // a tool loop's question was read already
            }
            if (i < lastUserText && "user".equals(t.role()) && !t.written().isBlank()) {
                earlierQueries.add(0, t.written());
            }
        }
        return new ProviderRequest(model, query, context,
                new Requirements(vision, audio, files, tools, structuredOutput, maxOutputTokens), endsInToolLoop,
                List.copyOf(cachedPrefix), List.copyOf(earlierQueries));
    }
}
