package dev.tagrouter.remotetagger;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionStage;

/**
 * The one call tagrouter makes to an OpenAI-compatible server (vLLM, llama.cpp, TGI, Ollama). It returns the raw
 * response, status and all, so that every failure is classified in one place; it never blocks a thread.
 */
@Path("/chat/completions")
public interface ChatCompletionsClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<Response> complete(@HeaderParam("Authorization") String authorization,
                                       ChatCompletionRequest request);
}
