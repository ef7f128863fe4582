package dev.tagrouter.tagging;

import java.util.Locale;

/** Why a query asked of the remote tagger was tagged by the embedded rules instead; reported in every decision. */
public enum FallbackReason {
    /** No remote endpoint is configured. */
    NOT_CONFIGURED,
    /** The endpoint did not answer within the time budget. */
    TIMEOUT,
    /** The endpoint answered 5xx (after the one retry, if it fitted in the budget). */
    HTTP_5XX,
    /** The endpoint is rate-limiting us. */
    HTTP_429,
    /** Any other non-2xx status, typically 401/403 (wrong API key) or 404 (wrong URL or model). */
    HTTP_4XX,
    /** The connection failed: refused, reset, unknown host. */
    UNREACHABLE,
    /** The reply was not a chat completion, was too large, or held no tag the vocabulary knows. */
    BAD_OUTPUT,
    /** The circuit breaker is open after repeated failures; the endpoint is not called until it half-opens. */
    CIRCUIT_OPEN,
    /** Too many remote calls are already in flight (the bulkhead is full). */
    BUSY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
