package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.Msg;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an HA operation ended: whether it converged, how long it took, a one-sentence message
 * (what happened and, where it matters, why), measured figures and the final state. msg, where
 * set, is the same message as data, for the window and reports to render in their language.
 */
public record OperationResult(String name, boolean ok, double seconds, String message,
                              Map<String, Double> figures, ClusterSnapshot finalState,
                              @com.fasterxml.jackson.annotation.JsonIgnore Msg msg) {
    public OperationResult {
        // in the order measured: the CLI prints them so, and the report lists them so
        figures = figures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public OperationResult(String name, boolean ok, double seconds, String message,
                           Map<String, Double> figures, ClusterSnapshot finalState) {
        this(name, ok, seconds, message, figures, finalState, null);
    }

    public static OperationResult ok(String name, double seconds, String message, Map<String, Double> figures, ClusterSnapshot s) {
        return new OperationResult(name, true, seconds, message, figures, s);
    }

    /** The English text is the message rendered (what the CLI prints). */
    public static OperationResult ok(String name, double seconds, Msg msg, Map<String, Double> figures, ClusterSnapshot s) {
        return of(name, true, seconds, msg, figures, s);
    }

    /** Passed or failed, its message as data (the English text is the message). */
    public static OperationResult of(String name, boolean ok, double seconds, Msg msg, Map<String, Double> figures, ClusterSnapshot s) {
        return new OperationResult(name, ok, seconds, msg.english(), figures, s, msg);
    }

    public static OperationResult failed(String name, double seconds, String message, ClusterSnapshot s) {
        return new OperationResult(name, false, seconds, message, Map.of(), s);
    }

    /** Failed with a message as data (an operation's LabException that carries one). */
    public static OperationResult failed(String name, double seconds, Msg msg, ClusterSnapshot s) {
        return of(name, false, seconds, msg, Map.of(), s);
    }

    /** Failed by an exception: its sentence as data where it carries one (LabException), else its text. */
    public static OperationResult failed(String name, double seconds, Throwable e) {
        if (e instanceof io.failoverlab.lab.LabException le && le.msg() != null) return failed(name, seconds, le.msg(), null);
        return failed(name, seconds, e.getMessage() == null ? e.toString() : e.getMessage(), null);
    }

    /** The same result with a message as data (its English text replaces message). */
    public OperationResult with(Msg m) {
        return new OperationResult(name, ok, seconds, m.english(), figures, finalState, m);
    }
}
