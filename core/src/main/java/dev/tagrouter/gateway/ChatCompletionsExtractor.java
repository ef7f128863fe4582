package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;

/**
 * OpenAI Chat Completions ({@code POST /v1/chat/completions}): {@code messages} whose content is a string, a list of
 * parts ({@code text}, {@code image_url}, {@code input_audio}, {@code file}, {@code refusal}) or null beside
 * {@code tool_calls}; {@code tools} or {@code functions}; {@code response_format} of type {@code json_schema};
 * {@code max_completion_tokens} or {@code max_tokens}.
 */
public final class ChatCompletionsExtractor implements ProviderExtractor {

    @Override
    public ProviderRequest extract(JsonNode body) {
        BodyFields.object(body);
        String model = BodyFields.text(body, "model", null);
        JsonNode messages = BodyFields.array(body, "messages", null);
        if (messages == null || messages.isEmpty()) {
            throw new RouteException(ErrorCode.QUERY_REQUIRED, "Field 'messages' is required and must not be empty.");
        }
        Conversation conversation = new Conversation();
        for (int i = 0; i < messages.size(); i++) {
            String path = "messages[" + i + "]";
            JsonNode message = BodyFields.element(messages, i, path);
            String role = BodyFields.text(message, "role", path);
            conversation.turn(role);
            ContentParts.CHAT_COMPLETIONS.read(conversation, message.get("content"), path);
            conversation.text(BodyFields.text(message, "refusal", path));
            JsonNode calls = BodyFields.array(message, "tool_calls", path);
            if (calls != null) {
                calls.forEach(call -> conversation.context(BodyFields.asText(call.path("function"))));
            }
            conversation.context(BodyFields.asText(message.get("function_call")));
            boolean last = i == messages.size() - 1;
            if (last) {
                conversation.endsInToolLoop = "tool".equals(role) || "function".equals(role)
                        || (calls != null && !calls.isEmpty()) || message.hasNonNull("function_call");
            }
        }
        boolean tools = BodyFields.nonEmptyArray(body, "tools") || BodyFields.nonEmptyArray(body, "functions");
        definitions(conversation, body, "tools");
        definitions(conversation, body, "functions");
        boolean schema = BodyFields.typeIs(body.get("response_format"), "json_schema");
        if (schema) {
            conversation.definitions("response_format");
            conversation.context(body.get("response_format").toString());
        }
        Integer cap = BodyFields.tokens(body, "max_completion_tokens");
        Integer legacyCap = BodyFields.tokens(body, "max_tokens");
        return conversation.request(model, tools, schema, cap != null ? cap : legacyCap);
    }

    // Tool definitions are sent to the model with every call, so they are billed as input.
    static void definitions(Conversation conversation, JsonNode body, String field) {
        JsonNode defs = body.get(field);
        if (defs != null && defs.isArray() && !defs.isEmpty()) {
            conversation.definitions(field);
            conversation.context(defs.toString());
        }
    }
}
