package io.failoverlab.lab;

/** A failure with a message meant for the user: one sentence saying what and where. */
public class LabException extends RuntimeException {
    public LabException(String message) { super(message); }
    public LabException(String message, Throwable cause) { super(message, cause); }
}
