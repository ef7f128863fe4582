package dev.tagrouter.http;

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

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
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
