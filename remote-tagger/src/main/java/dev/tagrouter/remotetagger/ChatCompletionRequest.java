package dev.tagrouter.remotetagger;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The body of a chat-completions call: the tag-extraction prompt and the user's query, deterministic and short. */
public record ChatCompletionRequest(String model, List<Message> messages, double temperature,
                                    @JsonProperty("max_tokens") int maxTokens) {

    /** One chat message. */
    public record Message(String role, String content) {
    }

    static ChatCompletionRequest of(RemoteTaggerSettings settings, String query) {
        return new ChatCompletionRequest(settings.model(),
                List.of(new Message("system", settings.systemPrompt()), new Message("user", query)),
                0, settings.maxTokens());
    }
}
