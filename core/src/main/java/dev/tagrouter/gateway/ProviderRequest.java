package dev.tagrouter.gateway;

import dev.tagrouter.capability.Requirements;
import dev.tagrouter.routing.ChatMessage;

import java.util.List;

/**
 * What routing needs from a provider body.
 *
 * @param model             the body's {@code model}; null when absent
 * @param query             the text of the last user turn that has text
 * @param context           every other turn, system text and tool definitions: billed as input, not tagged
 * @param requirements      what the answering model must take
 * @param continuesToolLoop the conversation ends in a tool result or an assistant tool call
 * @param cachedPrefix      the input the previous call already sent: the turns before the last assistant turn
 *                          (the routed question too when a tool loop follows it) and the tool and format definitions;
 *                          what the previous model's prompt cache can serve. Empty without an assistant turn
 * @param earlierQueries    the text the user wrote in earlier turns, the most recent first
 */
public record ProviderRequest(String model, String query, List<ChatMessage> context, Requirements requirements,
                              boolean continuesToolLoop, List<ChatMessage> cachedPrefix, List<String> earlierQueries) {
}
