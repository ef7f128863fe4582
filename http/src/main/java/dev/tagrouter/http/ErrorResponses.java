package dev.tagrouter.http;

import dev.tagrouter.routing.ErrorCode;

/** The error code and sentence for an HTTP status that the router itself did not choose. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.MALFORMED_JSON;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> ErrorCode.INTERNAL_ERROR;
        };
    }

    static String messageFor(ErrorCode code) {
        return switch (code) {
            case MALFORMED_JSON -> "The request body is not valid JSON (or not valid UTF-8).";
            case NOT_FOUND -> "No such endpoint; see /q/openapi for the API.";
            case METHOD_NOT_ALLOWED -> "This endpoint does not accept that HTTP method.";
            case BODY_TOO_LARGE -> "The request body is larger than the server accepts.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            default -> "An internal error occurred; it has been logged.";
        };
    }
}
