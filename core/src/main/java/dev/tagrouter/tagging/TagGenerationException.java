package dev.tagrouter.tagging;

/** A tag generator could not tag a query; the reason becomes the decision's {@code fallbackReason}. */
public final class TagGenerationException extends RuntimeException {

    private final FallbackReason reason;

    public TagGenerationException(FallbackReason reason, String message) {
        this(reason, message, null);
    }

    public TagGenerationException(FallbackReason reason, String message, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
    }

    public FallbackReason reason() {
        return reason;
    }
}
