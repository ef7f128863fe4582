package dev.tagrouter.http;

import dev.tagrouter.function.OutcomeService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Takes outcomes in: whether the user accepted the routed answer, joined to the decision by request id. */
@Path("/v1/outcomes")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {

    @Inject
    OutcomeService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record outcomes: one or many {requestId, accepted | score, costUsd?, latencyMs?}; a request"
            + " id already recorded is counted as a duplicate, not written again")
    public OutcomeService.Receipt record(byte[] body) {
        return service.record(body);
    }
}
