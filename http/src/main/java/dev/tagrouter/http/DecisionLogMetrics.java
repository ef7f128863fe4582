package dev.tagrouter.http;

import dev.tagrouter.function.DecisionLogWriter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Publishes the decisions the decision log could not write, so that a lost line is never silent. */
@Startup
@ApplicationScoped
public class DecisionLogMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    DecisionLogWriter writer;

    @PostConstruct
    void register() {
        FunctionCounter.builder("tagrouter.decision.log.write.failures", writer, DecisionLogWriter::writeFailures)
                .description("Decisions that could not be written to the decision log")
                .register(registry);
    }
}
