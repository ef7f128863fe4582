package dev.tagrouter.http;

import dev.tagrouter.function.DecisionObserver;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts decisions by model, tagger and reason, remote-tagger fallbacks by reason, the estimated spend by model, and
 * the decision latency, for the Prometheus endpoint {@code /q/metrics}. Labels are bounded: model names come from the
 * table, never from the caller.
 */
@ApplicationScoped
public class DecisionMetrics implements DecisionObserver {

    @Inject
    MeterRegistry registry;

    @Override
    public void onDecision(RouteRequest request, RouteDecision decision) {
        Counter.builder("tagrouter.decisions")
                .description("Routing decisions")
                .tag("model", decision.model())
                .tag("tagger", decision.tagger())
                .tag("reason", decision.reason().code().name())
                .register(registry).increment();
        if (decision.fallbackReason() != null) {
            Counter.builder("tagrouter.tagger.fallbacks")
                    .description("Queries meant for the remote tagger that the rules tagged, by reason")
                    .tag("reason", decision.fallbackReason())
                    .register(registry).increment();
        }
        Counter.builder("tagrouter.estimated.cost")
                .description("Estimated cost of the routed calls")
                .baseUnit("usd")
                .tag("model", decision.model())
                .register(registry).increment(decision.estimatedCostUsd());
        DistributionSummary.builder("tagrouter.decision.latency")
                .description("Time spent deciding, tagging included")
                .baseUnit("microseconds")
                .publishPercentileHistogram()
                .register(registry).record(decision.decisionMicros());
    }
}
