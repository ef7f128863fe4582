package dev.tagrouter.routing;

/** A request the router refuses, with a machine-readable code and a sentence for the caller. */
public class RouteException extends RuntimeException {

    private final ErrorCode code;

    public RouteException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
