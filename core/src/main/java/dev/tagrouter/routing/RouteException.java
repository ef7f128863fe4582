package dev.tagrouter.routing;

/**
 * A request the router refuses, with a machine-readable code and a sentence for the caller. The message reads
 * {@code CODE: sentence}, which is what bindings without a JSON error body (Lambda error payloads) show.
 */
public class RouteException extends RuntimeException {

    private final ErrorCode code;
    private final String sentence;

    public RouteException(ErrorCode code, String sentence) {
        super(code.name() + ": " + sentence, null, false, false);
        this.code = code;
        this.sentence = sentence;
    }

    public ErrorCode code() {
        return code;
    }

    /**
     * {@code CODE: sentence}, without the class name: frameworks that wrap the refusal take its {@code toString()} as
     * their own message (Funqy's Lambda binding does), and what the caller reads must start with the code.
     */
    @Override
    public String toString() {
        return getMessage();
    }

    /** The human sentence alone, for error bodies that carry the code separately. */
    public String sentence() {
        return sentence;
    }
}
