package dev.tagrouter.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the Prometheus endpoint is, by Quarkus' path rules, so that the first read of it binds the JVM meters. */
class DeferredMeterBindersTest {

    @Test
    void aRelativeMetricsPathSitsUnderTheNonApplicationRootUnderTheHttpRoot() {
        assertEquals("/q/metrics", DeferredMeterBinders.metricsPath("/", "q", "metrics"));
        assertEquals("/api/q/metrics", DeferredMeterBinders.metricsPath("/api", "q", "metrics"));
        assertEquals("/api/q/metrics", DeferredMeterBinders.metricsPath("/api/", "q", "metrics"));
    }

    @Test
    void anAbsoluteNonApplicationRootOrMetricsPathIgnoresWhatContainsIt() {
        assertEquals("/q/metrics", DeferredMeterBinders.metricsPath("/api", "/q", "metrics"));
        assertEquals("/metrics", DeferredMeterBinders.metricsPath("/api", "q", "/metrics"));
    }
}
