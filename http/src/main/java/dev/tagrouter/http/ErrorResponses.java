package dev.tagrouter.http;

import dev.tagrouter.routing.ErrorCode;

/** The error code and sentence for an HTTP status that the router itself did not choose. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    /**
     * Every status the HTTP layer can produce has a code: a client error the server names without our code (a header,
     * the framing, the URI) must never reach the caller as a 500.
     */
    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.MALFORMED_JSON;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 408 -> ErrorCode.REQUEST_TIMEOUT;
            case 411 -> ErrorCode.LENGTH_REQUIRED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 414 -> ErrorCode.URI_TOO_LONG;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 417 -> ErrorCode.EXPECTATION_FAILED;
            case 431 -> ErrorCode.HEADERS_TOO_LARGE;
            default -> status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    static String messageFor(ErrorCode code) {
        return switch (code) {
            case MALFORMED_JSON -> "The request body is not valid JSON (or not valid UTF-8).";
            case BAD_REQUEST -> "The HTTP request is malformed.";
            case NOT_FOUND -> "No such endpoint; see /q/openapi for the API.";
            case METHOD_NOT_ALLOWED -> "This endpoint does not accept that HTTP method.";
            case NOT_ACCEPTABLE -> "This endpoint answers only application/json; accept it (or */*).";
            case REQUEST_TIMEOUT -> "The request was not received in time.";
            case LENGTH_REQUIRED -> "Send a Content-Length or a chunked body.";
            case BODY_TOO_LARGE -> "The request body is larger than the server accepts.";
            case URI_TOO_LONG -> "The request URI is longer than the server accepts.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case EXPECTATION_FAILED -> "The only Expect header the server accepts is '100-continue'.";
            case HEADERS_TOO_LARGE -> "The request headers are larger than the server accepts.";
            default -> "An internal error occurred; it has been logged.";
        };
    }
}
