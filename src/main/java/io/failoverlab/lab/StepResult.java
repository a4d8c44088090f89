package io.failoverlab.lab;

/** Outcome of one lab step: its name, whether it passed, how long it took and why (one sentence). */
public record StepResult(String name, boolean ok, double seconds, String message) {
    public static StepResult passed(String name, double seconds, String message) {
        return new StepResult(name, true, seconds, message);
    }

    /** Seconds since a System.nanoTime() reading, to 1/100 s: how every step and operation is timed. */
    public static double secondsSince(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    }

    public static StepResult failed(String name, double seconds, String message) {
        return new StepResult(name, false, seconds, message);
    }
}
