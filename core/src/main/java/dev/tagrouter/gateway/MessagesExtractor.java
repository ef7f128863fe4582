package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.api.RouteRequestParser;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;

/**
 * Anthropic Messages ({@code POST /v1/messages}): {@code system} as a string or text blocks; {@code messages} whose
 * content is a string or blocks ({@code text}, {@code image}, {@code document}, {@code tool_use},
 * {@code tool_result}, {@code thinking}, ...); {@code tools}; {@code output_format} (or
 * {@code output_config.format}) of type {@code json_schema}; {@code max_tokens}. A user turn made only of tool
 * results continues a tool loop and is context; the query is the last user turn with text.
 */
public final class MessagesExtractor implements ProviderExtractor {

    @Override
    public ProviderRequest extract(JsonNode body) {
        BodyFields.object(body);
        String model = BodyFields.text(body, "model", null);
        Conversation conversation = new Conversation();
        JsonNode system = body.get("system");
        if (system != null && !system.isNull()) {
            conversation.turn("system");
            blocks(conversation, system, "system");
        }
        JsonNode messages = BodyFields.array(body, "messages", null);
        if (messages == null || messages.isEmpty()) {
            throw new RouteException(ErrorCode.QUERY_REQUIRED, "Field 'messages' is required and must not be empty.");
        }
        for (int i = 0; i < messages.size(); i++) {
            String path = "messages[" + i + "]";
            JsonNode message = BodyFields.element(messages, i, path);
            String role = BodyFields.text(message, "role", path);
            conversation.turn(role);
            boolean toolTurn = blocks(conversation, message.get("content"), path + ".content");
            if (i == messages.size() - 1) {
                conversation.endsInToolLoop = toolTurn;
            }
        }
        boolean tools = BodyFields.nonEmptyArray(body, "tools");
        ChatCompletionsExtractor.definitions(conversation, body, "tools");
        boolean schema = BodyFields.typeIs(body.get("output_format"), "json_schema")
                || BodyFields.typeIs(body.path("output_config").get("format"), "json_schema");
        return conversation.request(model, tools, schema, BodyFields.tokens(body, "max_tokens"));
    }

    /** Adds a content value's text; returns whether it holds a tool call or a tool result. */
    private static boolean blocks(Conversation conversation, JsonNode content, String path) {
        if (content == null || content.isNull()) {
            return false;
        }
        if (content.isTextual()) {
            conversation.text(content.textValue());
            return false;
        }
        if (!content.isArray()) {
            throw RouteRequestParser.wrongType(path, "a string or an array of content blocks", content);
        }
        boolean tool = false;
        for (int i = 0; i < content.size(); i++) {
            String blockPath = path + "[" + i + "]";
            JsonNode block = BodyFields.element(content, i, blockPath);
            String type = BodyFields.text(block, "type", blockPath);
            if (type == null) {
                continue;
            }
            switch (type) {
                case "text" -> conversation.text(BodyFields.text(block, "text", blockPath));
                case "image" -> conversation.vision = true;
                case "document" -> conversation.files = true;
                case "thinking" -> conversation.context(BodyFields.text(block, "thinking", blockPath));
                case "tool_use", "server_tool_use" -> {
                    tool = true;
                    conversation.context(BodyFields.asText(block.get("input")));
                }
                case "tool_result" -> {
                    tool = true;
                    toolResult(conversation, block.get("content"), blockPath + ".content");
                }
                default -> { } // newer block types pass
            }
        }
        return tool;
    }

    // A tool result's content is a string or blocks of text and images; its text is context, never the query.
    private static void toolResult(Conversation conversation, JsonNode content, String path) {
        if (content == null || content.isNull()) {
            return;
        }
        if (content.isTextual()) {
            conversation.context(content.textValue());
            return;
        }
        if (!content.isArray()) {
            throw RouteRequestParser.wrongType(path, "a string or an array of content blocks", content);
        }
        for (int i = 0; i < content.size(); i++) {
            JsonNode block = BodyFields.element(content, i, path + "[" + i + "]");
            String type = BodyFields.text(block, "type", path + "[" + i + "]");
            if ("text".equals(type)) {
                conversation.context(BodyFields.text(block, "text", path + "[" + i + "]"));
            } else if ("image".equals(type)) {
                conversation.vision = true;
            } else if ("document".equals(type)) {
                conversation.files = true;
            }
        }
    }
}
