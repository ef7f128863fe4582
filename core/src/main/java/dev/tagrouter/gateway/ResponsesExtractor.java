package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.api.RouteRequestParser;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;

/**
 * OpenAI Responses ({@code POST /v1/responses}): {@code input} as a string or a list of items (messages whose
 * content is a string or parts {@code input_text}, {@code input_image}, {@code input_file}, {@code input_audio},
 * {@code output_text}; {@code function_call} and {@code function_call_output} items; others pass unread);
 * {@code instructions}; {@code tools}; {@code text.format} of type {@code json_schema}; {@code max_output_tokens}.
 */
public final class ResponsesExtractor implements ProviderExtractor {

    @Override
    public ProviderRequest extract(JsonNode body) {
        BodyFields.object(body);
        String model = BodyFields.text(body, "model", null);
        Conversation conversation = new Conversation();
        String instructions = BodyFields.text(body, "instructions", null);
        if (instructions != null) {
            conversation.turn("system");
            conversation.text(instructions);
        }
        JsonNode input = body.get("input");
        if (input == null || input.isNull()) {
            throw new RouteException(ErrorCode.QUERY_REQUIRED, "Field 'input' is required to route a Responses body.");
        }
        if (input.isTextual()) {
            conversation.turn("user");
            conversation.text(input.textValue());
        } else if (input.isArray()) {
            for (int i = 0; i < input.size(); i++) {
                item(conversation, BodyFields.element(input, i, "input[" + i + "]"), "input[" + i + "]",
                        i == input.size() - 1);
            }
        } else {
            throw RouteRequestParser.wrongType("input", "a string or an array of input items", input);
        }
        boolean tools = BodyFields.nonEmptyArray(body, "tools");
        ChatCompletionsExtractor.definitions(conversation, body, "tools");
        boolean schema = BodyFields.typeIs(body.path("text").get("format"), "json_schema");
        return conversation.request(model, tools, schema, BodyFields.tokens(body, "max_output_tokens"));
    }

    private static void item(Conversation conversation, JsonNode item, String path, boolean last) {
        String type = BodyFields.text(item, "type", path);
        String role = BodyFields.text(item, "role", path);
        if (type == null || "message".equals(type)) {
            conversation.turn(role);
            ContentParts.RESPONSES.read(conversation, item.get("content"), path);
            return;
        }
        switch (type) {
            case "function_call", "custom_tool_call" -> {
                conversation.turn("assistant");
                conversation.context(BodyFields.asText(item.get("name")));
                conversation.context(BodyFields.asText(item.has("arguments") ? item.get("arguments")
                        : item.get("input")));
                conversation.endsInToolLoop = last;
            }
            case "function_call_output", "custom_tool_call_output" -> {
                conversation.turn("tool");
                JsonNode output = item.get("output");
                if (output != null && output.isArray()) {
                    toolOutput(conversation, output);
                } else {
                    conversation.context(BodyFields.asText(output));
                }
                conversation.endsInToolLoop = last;
            }
            default -> { } // reasoning, item_reference, built-in tool calls: kept by the provider, not read here
        }
    }

    private static void toolOutput(Conversation conversation, JsonNode parts) {
        for (JsonNode part : parts) {
            String type = part.path("type").asText("");
            switch (type) {
                case "input_text", "output_text" -> conversation.context(part.path("text").asText(null));
                case "input_image" -> conversation.vision = true;
                case "input_file" -> conversation.files = true;
                default -> { }
            }
        }
    }
}
