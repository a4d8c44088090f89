package io.failoverlab.lab;

/**
 * A failure with a message meant for the user: one sentence saying what and where. msg, where
 * set, is that sentence as data (its English text is the message), for a face to show in its
 * language.
 */
public class LabException extends RuntimeException {
    private final transient Msg msg;

    public LabException(String message) { this(message, (Throwable) null); }
    public LabException(String message, Throwable cause) {
        super(message, cause);
        this.msg = null;
    }

    /** The sentence as data; getMessage() is its English text. */
    public LabException(Msg msg) { this(msg, null); }

    public LabException(Msg msg, Throwable cause) {
        super(msg.english(), cause);
        this.msg = msg;
    }

    /** The sentence as data, or null when the failure has only its English text. */
    public Msg msg() { return msg; }
}
