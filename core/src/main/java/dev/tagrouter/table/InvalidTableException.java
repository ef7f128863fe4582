package dev.tagrouter.table;

/** A routing table that cannot be read or fails validation; the message says what is wrong and where. */
public class InvalidTableException extends RuntimeException {
    public InvalidTableException(String message) {
        super(message);
    }

    public InvalidTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
