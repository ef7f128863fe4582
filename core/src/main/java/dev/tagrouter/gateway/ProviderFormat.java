package dev.tagrouter.gateway;

import java.util.Arrays;
import java.util.Optional;

/** The provider request formats tagrouter decides on, each named by its endpoint path after {@code /v1/route/}. */
public enum ProviderFormat {
    /** OpenAI Chat Completions. */
    CHAT_COMPLETIONS("chat/completions", new ChatCompletionsExtractor()),
    /** Anthropic Messages. */
    MESSAGES("messages", new MessagesExtractor()),
    /** OpenAI Responses. */
    RESPONSES("responses", new ResponsesExtractor());

    private final String endpoint;
    private final ProviderExtractor extractor;

    ProviderFormat(String endpoint, ProviderExtractor extractor) {
        this.endpoint = endpoint;
        this.extractor = extractor;
    }

    public String endpoint() {
        return endpoint;
    }

    public ProviderExtractor extractor() {
        return extractor;
    }

    public static Optional<ProviderFormat> ofEndpoint(String endpoint) {
        return Arrays.stream(values()).filter(f -> f.endpoint.equals(endpoint)).findFirst();
    }

    public static java.util.List<String> endpoints() {
        return Arrays.stream(values()).map(ProviderFormat::endpoint).toList();
    }
}
