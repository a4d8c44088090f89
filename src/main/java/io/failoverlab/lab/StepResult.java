package io.failoverlab.lab;

/**
 * Outcome of one lab step: its name, whether it passed, how long it took and why (one sentence);
 * msg, where set, is that sentence as data, for the window to show in its language.
 */
public record StepResult(String name, boolean ok, double seconds, String message, Msg msg) {
    public StepResult(String name, boolean ok, double seconds, String message) {
        this(name, ok, seconds, message, null);
    }

    public static StepResult passed(String name, double seconds, String message) {
        return new StepResult(name, true, seconds, message);
    }

    /** Passed, its message as data (the English text is the message). */
    public static StepResult passed(String name, double seconds, Msg msg) {
        return new StepResult(name, true, seconds, msg.english(), msg);
    }

    /** Seconds since a System.nanoTime() reading, to 1/100 s: how every step and operation is timed. */
    public static double secondsSince(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    }

    public static StepResult failed(String name, double seconds, String message) {
        return new StepResult(name, false, seconds, message);
    }

    /** Failed with an exception's sentence: a LabException's as data where it carries one. */
    public static StepResult failed(String name, double seconds, Exception e) {
        return new StepResult(name, false, seconds, e.getMessage() == null ? e.toString() : e.getMessage(),
                e instanceof LabException le ? le.msg() : null);
    }

    /** The same result with its text masked (secrets); msg arguments are names, ports and states. */
    public StepResult masked(java.util.function.UnaryOperator<String> mask) {
        return new StepResult(name, ok, seconds, mask.apply(message), msg);
    }
}
