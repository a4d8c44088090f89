package io.failoverlab.lab;

/** Outcome of one lab step: its name, whether it passed, how long it took and why (one sentence). */
public record StepResult(String name, boolean ok, double seconds, String message) {
    public static StepResult passed(String name, double seconds, String message) {
        return new StepResult(name, true, seconds, message);
    }

    public static StepResult failed(String name, double seconds, String message) {
        return new StepResult(name, false, seconds, message);
    }
}
