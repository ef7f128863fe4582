package dev.tagrouter.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.api.OutcomeRequestParser;
import dev.tagrouter.decisionlog.OutcomeLogEntry;
import dev.tagrouter.decisionlog.RecentRequestIds;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Records outcomes ({@code POST /v1/outcomes}): validates the body, drops an outcome whose request id was recorded
 * recently (idempotent per request id within a bounded window; the offline readers keep the first outcome of an id
 * too), and writes the rest to the decision log's sink as outcome lines.
 */
@ApplicationScoped
public class OutcomeService {

    /** How many outcomes of a body were written and how many were repeats of a recorded request id. */
    public record Receipt(int recorded, int duplicates) {
    }

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    TagrouterConfig config;

    @Inject
    DecisionLogWriter log;

    @Inject
    Clock clock;

    private OutcomeRequestParser parser;
    private RecentRequestIds recent;

    @PostConstruct
    void init() {
        parser = new OutcomeRequestParser(config.outcomes().maxBatch());
        recent = new RecentRequestIds(config.outcomes().idempotencyWindow());
    }

    public Receipt record(byte[] body) {
        JsonNode tree;
        try {
            tree = body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            throw new RouteException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON (or not valid UTF-8).");
        }
        List<OutcomeLogEntry> outcomes = parser.parse(tree, clock.instant().toString());
        if (!log.enabled()) {
            throw new RouteException(ErrorCode.OUTCOME_LOG_DISABLED, "Outcomes are written to the decision log, which"
                    + " is off on this deployment; set tagrouter.decision-log.enabled=true.");
        }
        int recorded = 0;
        for (OutcomeLogEntry outcome : outcomes) {
            if (recent.add(outcome.requestId())) {
                log.writeLine(outcome);
                recorded++;
            }
        }
        return new Receipt(recorded, outcomes.size() - recorded);
    }
}
