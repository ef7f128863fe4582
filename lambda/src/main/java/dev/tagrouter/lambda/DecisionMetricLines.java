package dev.tagrouter.lambda;

import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.function.DecisionObserver;
import dev.tagrouter.routing.RouteDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.function.Consumer;

/** The Lambda's decision metrics: one Embedded Metric Format line per decision on standard output (CloudWatch Logs). */
@ApplicationScoped
public class DecisionMetricLines implements DecisionObserver {

    @Inject
    Clock clock;

    @Inject
    MetricLineSink sink;

    @Override
    public void onDecision(RouteRequest request, RouteDecision decision) {
        sink.accept(EmbeddedMetricFormat.line(decision, clock.millis()));
    }

    /** Where the lines go: standard output, which Lambda sends to CloudWatch Logs; a bean so tests can read them. */
    @ApplicationScoped
    public static class MetricLineSink implements Consumer<String> {
        @Override
        public void accept(String line) {
            System.out.println(line);
        }
    }
}
