package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.api.RouteRequestParser;

import java.util.Set;

/**
 * The part types of one OpenAI format's message content: which carry text and which need a modality; {@code expected}
 * names the accepted shapes in refusals.
 */
record ContentParts(Set<String> text, String image, String audio, String file, String expected) {

    static final ContentParts CHAT_COMPLETIONS = new ContentParts(Set.of("text"), "image_url", "input_audio", "file",
            "a string, an array of content parts or null");
    static final ContentParts RESPONSES = new ContentParts(Set.of("input_text", "output_text"), "input_image",
            "input_audio", "input_file", "a string or an array of content parts");

    /**
     * Reads a message's content value: a string, null, or an array of typed parts; anything else is refused.
     *
     * @param message the message's path, for refusals
     */
    void read(Conversation conversation, JsonNode content, String message) {
        if (content == null || content.isNull()) {
            return;
        }
        if (content.isTextual()) {
            conversation.text(content.textValue());
            return;
        }
        String path = BodyFields.path(message, "content");
        if (!content.isArray()) {
            throw RouteRequestParser.wrongType(path, expected, content);
        }
        for (int i = 0; i < content.size(); i++) {
            String partPath = path + "[" + i + "]";
            JsonNode part = BodyFields.element(content, i, partPath);
            String type = BodyFields.text(part, "type", partPath);
            if (type == null) {
                continue;
            }
            if (text.contains(type)) {
                conversation.text(BodyFields.text(part, "text", partPath));
            } else if (type.equals("refusal")) {
                conversation.text(BodyFields.text(part, "refusal", partPath));
            } else if (type.equals(image)) {
                conversation.vision = true;
            } else if (type.equals(audio)) {
                conversation.audio = true;
            } else if (type.equals(file)) {
                conversation.files = true;
            }
            // any other part type was added after this was written: it costs nothing to let it through
        }
    }
}
