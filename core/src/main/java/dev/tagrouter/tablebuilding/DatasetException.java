package dev.tagrouter.tablebuilding;

/** A preference dataset that cannot be read; the message names the file and line. */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }
}
