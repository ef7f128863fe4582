package dev.tagrouter.http;

import dev.tagrouter.function.GatewayService;
import dev.tagrouter.function.RouteService;
import dev.tagrouter.gateway.ProviderFormat;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** The versioned REST API: route a query, list the pool, describe the routing table. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RouteResource {

    private static final String DECIDED = "The decision, its facts also in x-tagrouter-* headers; with ?mode=rewrite,"
            + " the provider body with its model replaced";

    @Inject
    RouteService service;

    @Inject
    GatewayService gateway;

    @Inject
    ObjectMapper answers;

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
    @APIResponse(responseCode = "200", description = DECIDED,
            content = @Content(schema = @Schema(implementation = RouteDecision.class)))
    public byte[] chatCompletions(byte[] body, @QueryParam("mode") String mode, @Context HttpHeaders headers,
                                  @Context HttpServerResponse response) {
        return decide(ProviderFormat.CHAT_COMPLETIONS, body, mode, headers, response);
    }

    @POST
    @Path("/route/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the model for an Anthropic Messages body sent as is; ?mode=rewrite answers the body"
            + " with its model replaced")
    @APIResponse(responseCode = "200", description = DECIDED,
            content = @Content(schema = @Schema(implementation = RouteDecision.class)))
    public byte[] messages(byte[] body, @QueryParam("mode") String mode, @Context HttpHeaders headers,
                           @Context HttpServerResponse response) {
        return decide(ProviderFormat.MESSAGES, body, mode, headers, response);
    }

    @POST
    @Path("/route/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the model for an OpenAI Responses body sent as is; ?mode=rewrite answers the body"
            + " with its model replaced")
    @APIResponse(responseCode = "200", description = DECIDED,
            content = @Content(schema = @Schema(implementation = RouteDecision.class)))
    public byte[] responses(byte[] body, @QueryParam("mode") String mode, @Context HttpHeaders headers,
                            @Context HttpServerResponse response) {
        return decide(ProviderFormat.RESPONSES, body, mode, headers, response);
    }

    // The decision's facts travel in headers as well, so a gateway can route on them without reading the body.
    // The headers go straight onto the Vert.x response and the answer is written to bytes here, with the app's
    // ObjectMapper: a JAX-RS Response made Quarkus REST look its writer up and copy its headers on every request.
    private byte[] decide(ProviderFormat format, byte[] body, String mode, HttpHeaders headers,
                          HttpServerResponse response) {
        GatewayService.Reply reply = gateway.decide(format, body, headers::getHeaderString, mode);
        reply.headers().forEach(response::putHeader);
        try {
            return answers.writeValueAsBytes(reply.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer could not be written as JSON", e);
        }
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
