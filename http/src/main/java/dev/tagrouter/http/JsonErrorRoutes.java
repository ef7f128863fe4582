package dev.tagrouter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.api.ErrorBody;
import dev.tagrouter.api.JsonBodyReader;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;

/**
 * Gives the routes outside the REST API (the Funqy {@code /route} function, unknown paths, oversized bodies, statuses
 * the HTTP layer chooses) the same JSON error bodies as the REST API, and reads every REST body whole and bounded.
 */
@ApplicationScoped
public class JsonErrorRoutes {

    private static final Logger LOG = Logger.getLogger(JsonErrorRoutes.class);

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonBodyReader strictJson = new JsonBodyReader();

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        router.post("/route").order(Integer.MIN_VALUE).handler(this::requireJson);
        router.post("/v1/*").order(Integer.MIN_VALUE).handler(this::requireJson);
        // Vert.x reads the whole body, whatever its framing, within the body limit, before Quarkus REST sees it:
        // Quarkus REST alone never answered an empty body (Content-Length 0 or an empty chunked body).
        BodyHandler wholeBody = BodyHandler.create(false)
                .setBodyLimit(maxBodySize.map(MemorySize::asLongValue).orElse(-1L));
        router.post("/v1/*").order(Integer.MIN_VALUE).handler(wholeBody);
        router.post("/v1/*").order(Integer.MIN_VALUE).handler(JsonErrorRoutes::emptyBodyIsABody);
        // Funqy reads /route with its own lenient JSON reader (trailing content, overlong UTF-8): the body must first
        // pass the one strict reader every binding shares.
        router.post("/route").order(Integer.MIN_VALUE).handler(wholeBody);
        router.post("/route").order(Integer.MIN_VALUE).handler(this::requireStrictJson);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, ErrorCode.NOT_FOUND,
                ErrorResponses.messageFor(ErrorCode.NOT_FOUND)));
    }

    // One Content-Type rule for every route endpoint: a body sent as something else than JSON is refused, not guessed.
    private void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && !isJson(type)) {
            write(ctx, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorResponses.messageFor(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
        } else {
            ctx.next();
        }
    }

    // A request that ended before any byte (an empty chunked body) leaves no body buffer, and Quarkus REST then waits
    // for bytes that never come: hand it an empty body instead.
    private static void emptyBodyIsABody(RoutingContext ctx) {
        if (ctx.body().buffer() == null) {
            ctx.setBody(Buffer.buffer());
        }
        ctx.next();
    }

    private void requireStrictJson(RoutingContext ctx) {
        try {
            strictJson.read(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (RouteException e) {
            write(ctx, e.code(), e.sentence());
            return;
        }
        ctx.next();
    }

    private static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    private void onFailure(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Throwable failure = ctx.failure();
        // Funqy wraps what the function throws in its own ApplicationException.
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof RouteException e) {
                write(ctx, e.code(), e.sentence());
                return;
            }
        }
        if (failure != null && ctx.request().method() == HttpMethod.POST && ctx.body().buffer() == null) {
            // The body handler failed to read the body (broken chunk framing, a reset): the client's request, not
            // our failure.
            LOG.debugf("unreadable request body on %s: %s", ctx.request().path(), failure.getClass().getSimpleName());
            if (!ctx.response().closed()) {
                write(ctx, ErrorCode.BAD_REQUEST, "The request body could not be read: its framing is broken.");
            }
            return;
        }
        ErrorCode code = ErrorResponses.codeFor(ctx.statusCode());
        if (failure != null && code == ErrorCode.INTERNAL_ERROR) {
            LOG.error("unexpected failure while serving " + ctx.request().path(), failure);
        }
        write(ctx, code, ErrorResponses.messageFor(code));
    }

    private void write(RoutingContext ctx, ErrorCode code, String message) {
        String body;
        try {
            body = mapper.writeValueAsString(ErrorBody.of(code, message));
        } catch (JsonProcessingException e) {
            body = "{\"code\":\"INTERNAL_ERROR\",\"message\":\"error body could not be written\"}";
        }
        ctx.response().setStatusCode(code.httpStatus()).putHeader("Content-Type", "application/json").end(body);
    }
}
