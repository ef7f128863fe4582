package dev.tagrouter.api;

import dev.tagrouter.routing.ErrorCode;

/** The JSON body of every error answer: a machine-readable code and a sentence for a person. */
public record ErrorBody(String code, String message) {

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(code.name(), message);
    }
}
