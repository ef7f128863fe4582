package dev.tagrouter.http;

import dev.tagrouter.function.GatewayService;
import dev.tagrouter.function.RouteService;
import dev.tagrouter.gateway.ProviderFormat;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;

/** The versioned REST API: route a query, list the pool, describe the routing table. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RouteResource {

    @Inject
    RouteService service;

    @Inject
    GatewayService gateway;

    @POST
    @Path("/route")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the model that should answer a query, with its estimated cost and the reasons")
    // The raw bytes, parsed by the same code as every binding: the framework's JSON reader answered an empty body
    // with nothing at all, and would word its errors differently from the Funqy and Lambda paths.
    public RouteDecision route(@RequestBody(content = @Content(schema = @Schema(implementation = RouteRequest.class)))
                               byte[] request) {
        return service.route(request);
    }

    @POST
    @Path("/route/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the model for an OpenAI Chat Completions body sent as is; ?mode=rewrite answers the"
            + " body with its model replaced")
    public Response chatCompletions(byte[] body, @QueryParam("mode") String mode, @Context HttpHeaders headers) {
        return decide(ProviderFormat.CHAT_COMPLETIONS, body, mode, headers);
    }

    @POST
    @Path("/route/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the model for an Anthropic Messages body sent as is; ?mode=rewrite answers the body"
            + " with its model replaced")
    public Response messages(byte[] body, @QueryParam("mode") String mode, @Context HttpHeaders headers) {
        return decide(ProviderFormat.MESSAGES, body, mode, headers);
    }

    @POST
    @Path("/route/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the model for an OpenAI Responses body sent as is; ?mode=rewrite answers the body"
            + " with its model replaced")
    public Response responses(byte[] body, @QueryParam("mode") String mode, @Context HttpHeaders headers) {
        return decide(ProviderFormat.RESPONSES, body, mode, headers);
    }

    // The decision's facts travel in headers as well, so a gateway can route on them without reading the body.
    private Response decide(ProviderFormat format, byte[] body, String mode, HttpHeaders headers) {
        GatewayService.Reply reply = gateway.decide(format, body, headers::getHeaderString, mode);
        Response.ResponseBuilder answer = Response.ok(reply.body(), MediaType.APPLICATION_JSON_TYPE);
        reply.headers().forEach(answer::header);
        return answer.build();
    }

    @GET
    @Path("/models")
    @Operation(summary = "The model pool of the routing table, with prices")
    public List<ModelView> models() {
        return service.router().table().table().models().stream().map(ModelView::of).toList();
    }

    @GET
    @Path("/table")
    @Operation(summary = "Version, checksum, size, scoring, decision rule, cost presets, curve and provenance of the"
            + " routing table")
    public TableView table() {
        return TableView.of(service.router().table().table());
    }
}
