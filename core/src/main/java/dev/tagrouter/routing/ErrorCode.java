package dev.tagrouter.routing;

/** Machine-readable error codes of the routing API, each with the HTTP status it maps to. */
public enum ErrorCode {
    MALFORMED_JSON(400),
    INVALID_FIELD(400),
    UNKNOWN_FIELD(400),
    QUERY_REQUIRED(400),
    QUERY_TOO_LONG(400),
    INPUT_TOO_LARGE(400),
    UNKNOWN_MODEL(400),
    INVALID_MAX_COST(400),
    INVALID_COST_PREFERENCE(400),
    NO_ELIGIBLE_MODEL(422),
    BAD_REQUEST(400),
    OUTCOME_LOG_DISABLED(409),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    REQUEST_TIMEOUT(408),
    LENGTH_REQUIRED(411),
    BODY_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    EXPECTATION_FAILED(417),
    HEADERS_TOO_LARGE(431),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
