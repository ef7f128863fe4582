package dev.tagrouter.remotetagger;

import dev.tagrouter.tagging.FallbackReason;
import dev.tagrouter.tagging.TagGenerationException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** Names the fallback reason of a failed remote call from the exception it failed with, wherever it was wrapped. */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static FallbackReason reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TagGenerationException g) {
                return g.reason();
            }
            if (t instanceof CircuitBreakerOpenException) {
                return FallbackReason.CIRCUIT_OPEN;
            }
            if (t instanceof BulkheadException) {
                return FallbackReason.BUSY;
            }
            // Fault Tolerance's timeout, the JDK's, and the HTTP client's own connect/read timeouts.
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return FallbackReason.TIMEOUT;
            }
        }
        // Refused, reset, DNS or TLS failure: the call never got an HTTP answer.
        return FallbackReason.UNREACHABLE;
    }

    /** Failures worth one retry: the server may answer the next call (a restarted worker, another replica). */
    static boolean retryable(Throwable failure) {
        FallbackReason reason = reason(failure);
        return reason == FallbackReason.HTTP_5XX || reason == FallbackReason.UNREACHABLE;
    }
}
