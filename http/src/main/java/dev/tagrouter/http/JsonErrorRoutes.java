package dev.tagrouter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.api.ErrorBody;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Gives the routes outside the REST API (the Funqy {@code /route} function, unknown paths, oversized bodies) the same
 * JSON error bodies as the REST API.
 */
@ApplicationScoped
public class JsonErrorRoutes {

    private static final Logger LOG = Logger.getLogger(JsonErrorRoutes.class);

    private final ObjectMapper mapper = new ObjectMapper();

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        // Quarkus REST never answers a JSON POST whose body is empty (found by BadInputFuzzTest): answer it here.
        router.post("/v1/route").order(Integer.MIN_VALUE).handler(ctx -> {
            if ("0".equals(ctx.request().getHeader("Content-Length"))) {
                write(ctx, ErrorCode.QUERY_REQUIRED, "The request body is empty; send a JSON object with at least a"
                        + " 'query'.");
            } else {
                ctx.next();
            }
        });
        router.postWithRegex("/v1/route/.+").order(Integer.MIN_VALUE).handler(ctx -> {
            if ("0".equals(ctx.request().getHeader("Content-Length"))) {
                write(ctx, ErrorCode.QUERY_REQUIRED, "The request body is empty; send the provider's request body as"
                        + " a JSON object.");
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, ErrorCode.NOT_FOUND,
                ErrorResponses.messageFor(ErrorCode.NOT_FOUND)));
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
