package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.routing.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each provider format gives the conversation-aware parts of routing: the prefix the previous call already sent
 * (the previous model's prompt cache holds it) and the user's earlier turns, the most recent first.
 */
class ConversationHistoryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPlainTurnCachesEverythingBeforeThePreviousAnswerAndTheDefinitions() {
        ProviderRequest read = ProviderFormat.CHAT_COMPLETIONS.extractor().extract(tree("""
                {"model": "auto", "messages": [
                  {"role": "system", "content": "You are a coding assistant."},
                  {"role": "user", "content": "Write a Python function that parses a CSV file."},
                  {"role": "assistant", "content": "def parse(path): ..."},
                  {"role": "user", "content": "Add unit tests for it."},
                  {"role": "assistant", "content": "def test_parse(): ..."},
                  {"role": "user", "content": "commit it"}],
                 "tools": [{"type": "function", "function": {"name": "git_commit"}}]}"""));
        assertEquals("commit it", read.query());
        assertEquals(List.of("Add unit tests for it.", "Write a Python function that parses a CSV file."),
                read.earlierQueries());
        // The previous call sent everything up to "Add unit tests for it."; its answer and the new turn are new.
        assertEquals(List.of("system", "user", "assistant", "user", "tools"), roles(read.cachedPrefix()));
        assertTrue(read.context().containsAll(read.cachedPrefix()), "the prefix is part of the billed input");
        assertEquals("def test_parse(): ...", read.context().get(4).content());
        assertFalse(read.cachedPrefix().contains(read.context().get(4)), "the last answer is billed, not cached");
    }

    @Test
    void aToolLoopCachesTheQuestionTheToolCallAnswered() {
        ProviderRequest read = ProviderFormat.MESSAGES.extractor().extract(tree("""
                {"model": "auto", "max_tokens": 100, "system": [{"type": "text", "text": "Be careful."}],
                 "messages": [
                  {"role": "user", "content": "Run the tests of the parser."},
                  {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "bash",
                                                     "input": {"cmd": "pytest"}}]},
                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1",
                                                "content": "3 passed"}]}]}"""));
        assertEquals("Run the tests of the parser.", read.query());
        assertEquals(List.of(), read.earlierQueries());
        assertEquals(List.of(new ChatMessage("system", "Be careful."),
                new ChatMessage("user", "Run the tests of the parser.")), read.cachedPrefix(),
                "the question was the previous call's input; the tool call and its result are new");
    }

    @Test
    void aFirstTurnHasNothingCachedAndResponsesItemsCountAlike() {
        ProviderRequest first = ProviderFormat.RESPONSES.extractor().extract(tree("""
                {"model": "auto", "instructions": "Be brief.", "input": "Hello"}"""));
        assertEquals(List.of(), first.cachedPrefix());
        assertEquals(List.of(), first.earlierQueries());

        ProviderRequest items = ProviderFormat.RESPONSES.extractor().extract(tree("""
                {"model": "auto", "input": [
                  {"role": "user", "content": [{"type": "input_text", "text": "Optimise this SQL query."}]},
                  {"type": "function_call", "call_id": "c1", "name": "explain", "arguments": "{}"},
                  {"type": "function_call_output", "call_id": "c1", "output": "seq scan"},
                  {"role": "assistant", "content": [{"type": "output_text", "text": "Add an index."}]},
                  {"role": "user", "content": [{"type": "input_text", "text": "do it"}]}]}"""));
        assertEquals(List.of("Optimise this SQL query."), items.earlierQueries());
        assertEquals(List.of("user", "assistant", "tool"), roles(items.cachedPrefix()));
    }

    private static List<String> roles(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::role).toList();
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
