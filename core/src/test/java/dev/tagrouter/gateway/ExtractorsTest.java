package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.capability.Requirements;
import dev.tagrouter.routing.ChatMessage;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each provider format is read as: the query, its context, the requirements and the tool-loop signal. */
class ExtractorsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void chatCompletionsQueryIsTheLastUserTextAndToolTurnsAreContext() {
        ProviderRequest read = ProviderFormat.CHAT_COMPLETIONS.extractor().extract(tree("""
                {"model": "auto", "stream": true, "messages": [
                  {"role": "system", "content": "Be brief."},
                  {"role": "user", "content": [{"type": "text", "text": "Look at this"},
                                               {"type": "image_url", "image_url": {"url": "https://x/y.png"}},
                                               {"type": "text", "text": "and tell me the weather"}]},
                  {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function",
                    "function": {"name": "weather", "arguments": "{\\"city\\": \\"Oslo\\"}"}}]},
                  {"role": "tool", "tool_call_id": "c1", "content": "rain"}],
                 "tools": [{"type": "function", "function": {"name": "weather"}}],
                 "max_tokens": 50, "max_completion_tokens": 80, "some_future_field": {"x": 1}}"""));
        assertEquals("auto", read.model());
        assertEquals("Look at this\nand tell me the weather", read.query());
        assertEquals(List.of("system", "assistant", "tool", "tools"), roles(read.context()));
        assertTrue(read.context().get(1).content().contains("Oslo"), "tool call arguments are billed");
        assertEquals(new Requirements(true, false, false, true, false, 80), read.requirements(),
                "max_completion_tokens wins over the deprecated max_tokens");
        assertTrue(read.continuesToolLoop());
    }

    @Test
    void chatCompletionsRequirementsFromPartsAndResponseFormat() {
        ProviderRequest read = ProviderFormat.CHAT_COMPLETIONS.extractor().extract(tree("""
                {"messages": [{"role": "user", "content": [{"type": "text", "text": "Transcribe"},
                  {"type": "input_audio", "input_audio": {"data": "AAA", "format": "wav"}},
                  {"type": "file", "file": {"file_id": "file-1"}}, {"type": "video_url"}]}],
                 "response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": {}}}}"""));
        assertNull(read.model());
        assertEquals(new Requirements(false, true, true, false, true, null), read.requirements());
        assertFalse(read.continuesToolLoop());
        ProviderRequest jsonMode = ProviderFormat.CHAT_COMPLETIONS.extractor().extract(tree("""
                {"messages": [{"role": "user", "content": "hi"}], "response_format": {"type": "json_object"}}"""));
        assertFalse(jsonMode.requirements().structuredOutput(), "JSON mode has no schema to follow");
    }

    @Test
    void anthropicToolResultTurnIsContextNotTheQuery() {
        ProviderRequest read = ProviderFormat.MESSAGES.extractor().extract(tree("""
                {"model": "auto", "max_tokens": 1024,
                 "system": [{"type": "text", "text": "You analyse stocks.", "cache_control": {"type": "ephemeral"}}],
                 "messages": [
                  {"role": "user", "content": "What is AAPL at?"},
                  {"role": "assistant", "content": [{"type": "thinking", "thinking": "use the tool", "signature": "s"},
                    {"type": "tool_use", "id": "t1", "name": "price", "input": {"ticker": "AAPL"}}]},
                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1",
                    "content": [{"type": "text", "text": "259.45"}, {"type": "image", "source": {}}]}]}],
                 "tools": [{"name": "price", "input_schema": {"type": "object"}}],
                 "output_config": {"format": {"type": "json_schema", "schema": {}}}}"""));
        assertEquals("What is AAPL at?", read.query());
        assertEquals(List.of("system", "assistant", "user", "tools"), roles(read.context()));
        assertTrue(read.context().get(2).content().contains("259.45"));
        assertEquals(new Requirements(true, false, false, true, true, 1024), read.requirements());
        assertTrue(read.continuesToolLoop());
    }

    @Test
    void responsesInputStringOrItems() {
        ProviderRequest plain = ProviderFormat.RESPONSES.extractor().extract(tree("""
                {"model": "gpt-4.1", "input": "Tell me a three sentence bedtime story about a unicorn."}"""));
        assertEquals("Tell me a three sentence bedtime story about a unicorn.", plain.query());
        assertEquals("gpt-4.1", plain.model());
        ProviderRequest items = ProviderFormat.RESPONSES.extractor().extract(tree("""
                {"instructions": "Talk like a pirate.", "input": [
                  {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Plot sales"},
                    {"type": "input_image", "image_url": "https://x/y.png"}]},
                  {"type": "reasoning", "id": "rs_1", "summary": []},
                  {"type": "function_call", "call_id": "c", "name": "query_db", "arguments": "{}"}],
                 "tools": [{"type": "web_search"}], "text": {"format": {"type": "json_schema", "schema": {}}},
                 "max_output_tokens": 300}"""));
        assertEquals("Plot sales", items.query());
        assertEquals(List.of("system", "assistant", "tools"), roles(items.context()));
        assertEquals(new Requirements(true, false, false, true, true, 300), items.requirements());
        assertTrue(items.continuesToolLoop(), "the last item is the assistant's tool call");
    }

    @Test
    void malformedBodiesAreRefusedNamingTheField() {
        assertCode(ErrorCode.INVALID_FIELD, "messages[0].role", ProviderFormat.CHAT_COMPLETIONS,
                "{\"messages\": [{\"role\": 1, \"content\": \"hi\"}]}");
        assertCode(ErrorCode.INVALID_FIELD, "messages[0].content[0]", ProviderFormat.MESSAGES,
                "{\"messages\": [{\"role\": \"user\", \"content\": [\"hi\"]}]}");
        assertCode(ErrorCode.INVALID_FIELD, "max_output_tokens", ProviderFormat.RESPONSES,
                "{\"input\": \"hi\", \"max_output_tokens\": -1}");
        assertCode(ErrorCode.INVALID_FIELD, "input", ProviderFormat.RESPONSES, "{\"input\": 3}");
        assertCode(ErrorCode.QUERY_REQUIRED, "no user turn", ProviderFormat.CHAT_COMPLETIONS,
                "{\"messages\": [{\"role\": \"assistant\", \"content\": \"hello\"}]}");
        assertCode(ErrorCode.QUERY_REQUIRED, "'messages'", ProviderFormat.MESSAGES, "{\"model\": \"auto\"}");
    }

    private void assertCode(ErrorCode code, String inMessage, ProviderFormat format, String body) {
        RouteException e = assertThrows(RouteException.class, () -> format.extractor().extract(tree(body)));
        assertEquals(code, e.code());
        assertTrue(e.getMessage().contains(inMessage), e.getMessage());
    }

    private static List<String> roles(List<ChatMessage> context) {
        return context.stream().map(ChatMessage::role).toList();
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
