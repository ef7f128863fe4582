package dev.tagrouter.remotetagger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.tagging.FallbackReason;
import dev.tagrouter.tagging.TagGenerationException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Calls the chat-completions endpoint with the Vert.x HTTP client and reads the reply as a stream: bytes beyond
 * {@code max-response-bytes} end the call (whether the reply declares its length or is chunked), and the whole
 * exchange, body included, ends at the time budget however steadily the server keeps sending. Either way the
 * connection is reset, so a server that never stops cannot hold memory or a connection past the call.
 */
public final class StreamingChatCompletionsClient implements ChatCompletionsClient {

    private final ObjectMapper json = new ObjectMapper();
    private final Vertx vertx;
    private final HttpClient http;
    private final String endpoint;
    private final long budgetMillis;
    private final int maxResponseBytes;

    public StreamingChatCompletionsClient(Vertx vertx, RemoteTaggerSettings settings) {
        this.vertx = vertx;
        this.budgetMillis = settings.timeout().toMillis();
        this.maxResponseBytes = settings.maxResponseBytes();
        String base = settings.baseUrl().toString();
        this.endpoint = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions";
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, budgetMillis))
                // A compressed reply would be inflated past the byte limit before we could count it.
                .setDecompressionSupported(false)
                .setMaxPoolSize(settings.maxConcurrentCalls()));
    }

    @Override
    public CompletionStage<Reply> complete(String authorization, ChatCompletionRequest request) {
        CompletableFuture<Reply> result = new CompletableFuture<>();
        Buffer body;
        try {
            body = Buffer.buffer(json.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(endpoint)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        if (authorization != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        long deadline = vertx.setTimer(budgetMillis, id -> result.completeExceptionally(new TagGenerationException(
                FallbackReason.TIMEOUT, "Remote tagger reply not complete within the " + budgetMillis
                + " ms budget (tagrouter.tagger.remote.timeout).")));
        result.whenComplete((reply, failure) -> vertx.cancelTimer(deadline));
        http.request(options)
                .onFailure(result::completeExceptionally)
                .onSuccess(call -> send(call, body, result));
        return result;
    }

    private void send(HttpClientRequest call, Buffer body, CompletableFuture<Reply> result) {
        // Vert.x logs an unhandled stream failure at ERROR; here every failure is the call's outcome, reported once.
        call.exceptionHandler(result::completeExceptionally);
        // Whatever ends the call first (limit, deadline, caller), the connection stops receiving.
        result.whenComplete((reply, failure) -> {
            if (failure != null) {
                call.reset();
            }
        });
        call.response()
                .onFailure(result::completeExceptionally)
                .onSuccess(response -> read(response, result));
        call.end(body).onFailure(result::completeExceptionally);
    }

    private void read(HttpClientResponse response, CompletableFuture<Reply> result) {
        response.exceptionHandler(result::completeExceptionally);
        String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredTooLarge(declared)) {
            result.completeExceptionally(tooLarge(declared + " bytes"));
            return;
        }
        Buffer received = Buffer.buffer();
        response.handler(chunk -> {
            if (result.isDone()) {
                return;
            }
            if ((long) received.length() + chunk.length() > maxResponseBytes) {
                result.completeExceptionally(tooLarge("more than " + maxResponseBytes + " bytes"));
                return;
            }
            received.appendBuffer(chunk);
        });
        response.endHandler(end -> result.complete(new Reply(response.statusCode(), received.getBytes())));
    }

    private boolean declaredTooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxResponseBytes;
        } catch (NumberFormatException e) {
            return false; // counted as it arrives
        }
    }

    private TagGenerationException tooLarge(String size) {
        return new TagGenerationException(FallbackReason.BAD_OUTPUT, "Remote tagger reply of " + size
                + " exceeds tagrouter.tagger.remote.max-response-bytes=" + maxResponseBytes + "; the reply was cut.");
    }
}
