package io.failoverlab.check;

/** A data check step that could not be done; the message is one sentence for the user. */
public class DataCheckException extends RuntimeException {
    public DataCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
