package dev.tagrouter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tagrouter.api.ErrorBody;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure of the REST API to a JSON {@code {code, message}} body; no stack trace leaves the server. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response routeRefused(RouteException e) {
        return error(e.code(), e.sentence());
    }

    // Jackson's messages quote parts of the body, which is user data: answer with a fixed sentence instead.
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return error(ErrorCode.MALFORMED_JSON, ErrorResponses.messageFor(ErrorCode.MALFORMED_JSON));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException) {
            return malformedJson((JsonProcessingException) cause);
        }
        ErrorCode code = ErrorResponses.codeFor(e.getResponse().getStatus());
        if (code == ErrorCode.INTERNAL_ERROR) {
            return unexpected(e);
        }
        return error(code, ErrorResponses.messageFor(code));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure while serving a request", e);
        return error(ErrorCode.INTERNAL_ERROR, ErrorResponses.messageFor(ErrorCode.INTERNAL_ERROR));
    }

    static Response error(ErrorCode code, String message) {
        return Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(code, message)).build();
    }
}
