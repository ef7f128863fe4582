package dev.tagrouter.remotetagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.tagging.FallbackReason;
import dev.tagrouter.tagging.TagGenerationException;

import java.io.IOException;

/** Reads the assistant's text out of a chat-completions response body: {@code choices[0].message.content}. */
final class ChatCompletionReply {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatCompletionReply() {
    }

    static String content(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw badOutput("the response body is not JSON");
        }
        JsonNode choices = root == null ? null : root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw badOutput("the response has no choices");
        }
        JsonNode content = choices.get(0).path("message").path("content");
        if (!content.isTextual()) {
            throw badOutput("the first choice has no message content");
        }
        return content.textValue();
    }

    private static TagGenerationException badOutput(String why) {
        return new TagGenerationException(FallbackReason.BAD_OUTPUT, "Remote tagger output unusable: " + why + ".");
    }
}
