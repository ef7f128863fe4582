package dev.tagrouter.http;

import dev.tagrouter.function.DecisionObserver;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts decisions by model, tagger and reason, remote-tagger fallbacks by reason, the estimated spend by model, and
 * the decision latency, for the Prometheus endpoint {@code /q/metrics}. Labels are bounded: model names come from the
 * table, never from the caller.
 */
@ApplicationScoped
public class DecisionMetrics implements DecisionObserver {

    @Inject
    MeterRegistry registry;

    // Meters looked up once per label set instead of rebuilt from a builder on every decision.
    private final Map<List<String>, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();
    private final Map<String, Counter> spend = new ConcurrentHashMap<>();
    private DistributionSummary latency;

    @PostConstruct
    void register() {
        latency = DistributionSummary.builder("tagrouter.decision.latency")
                .description("Time spent deciding, tagging included")
                .baseUnit("microseconds")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void onDecision(RouteRequest request, RouteDecision decision) {
        decisions.computeIfAbsent(List.of(decision.model(), decision.tagger(), decision.reason().code().name()),
                labels -> Counter.builder("tagrouter.decisions")
                        .description("Routing decisions")
                        .tag("model", labels.get(0))
                        .tag("tagger", labels.get(1))
                        .tag("reason", labels.get(2))
                        .register(registry)).increment();
        if (decision.fallbackReason() != null) {
            fallbacks.computeIfAbsent(decision.fallbackReason(), reason -> Counter.builder("tagrouter.tagger.fallbacks")
                    .description("Queries meant for the remote tagger that the rules tagged, by reason")
                    .tag("reason", reason)
                    .register(registry)).increment();
        }
        spend.computeIfAbsent(decision.model(), model -> Counter.builder("tagrouter.estimated.cost")
                .description("Estimated cost of the routed calls")
                .baseUnit("usd")
                .tag("model", model)
                .register(registry)).increment(decision.estimatedCostUsd());
        latency.record(decision.decisionMicros());
    }
}
