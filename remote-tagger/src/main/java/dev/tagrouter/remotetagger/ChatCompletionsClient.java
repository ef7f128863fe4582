package dev.tagrouter.remotetagger;

import java.util.concurrent.CompletionStage;

/**
 * The one call tagrouter makes to an OpenAI-compatible server (vLLM, llama.cpp, TGI, Ollama). It returns the status
 * and the body, so that every failure is classified in one place; it never blocks a thread.
 */
public interface ChatCompletionsClient {

    /** The raw answer of the server: its status and its whole body, which the client kept within its limit. */
    record Reply(int status, byte[] body) {
    }

    CompletionStage<Reply> complete(String authorization, ChatCompletionRequest request);
}
