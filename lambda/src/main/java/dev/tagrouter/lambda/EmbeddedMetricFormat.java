package dev.tagrouter.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagrouter.routing.RouteDecision;

/**
 * Writes a decision's metrics as one CloudWatch Embedded Metric Format log line: on Lambda, CloudWatch turns such
 * lines into metrics without an agent, a registry or an endpoint. The same names and dimensions as the HTTP
 * service's Prometheus metrics; the query is never part of it.
 */
final class EmbeddedMetricFormat {

    static final String NAMESPACE = "tagrouter";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedMetricFormat() {
    }

    static String line(RouteDecision decision, long epochMillis) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", epochMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("model").add("tagger").add("reason");
        ArrayNode metrics = directive.putArray("Metrics");
        metrics.addObject().put("Name", "Decisions").put("Unit", "Count");
        metrics.addObject().put("Name", "EstimatedCostUsd").put("Unit", "None");
        metrics.addObject().put("Name", "DecisionLatency").put("Unit", "Microseconds");
        metrics.addObject().put("Name", "TaggerFallbacks").put("Unit", "Count");
        root.put("model", decision.model());
        root.put("tagger", decision.tagger());
        root.put("reason", decision.reason().code().name());
        root.put("Decisions", 1);
        root.put("EstimatedCostUsd", decision.estimatedCostUsd());
        root.put("DecisionLatency", decision.decisionMicros());
        root.put("TaggerFallbacks", decision.fallbackReason() == null ? 0 : 1);
        if (decision.fallbackReason() != null) {
            root.put("fallbackReason", decision.fallbackReason());
        }
        return root.toString();
    }
}
