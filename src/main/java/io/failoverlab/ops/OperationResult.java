package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an HA operation ended: whether it converged, how long it took, a one-sentence message
 * (what happened and, where it matters, why), measured figures and the final state.
 */
public record OperationResult(String name, boolean ok, double seconds, String message,
                              Map<String, Double> figures, ClusterSnapshot finalState) {
    public OperationResult {
        // in the order measured: the CLI prints them so, and the report lists them so
        figures = figures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public static OperationResult ok(String name, double seconds, String message, Map<String, Double> figures, ClusterSnapshot s) {
        return new OperationResult(name, true, seconds, message, figures, s);
    }

    public static OperationResult failed(String name, double seconds, String message, ClusterSnapshot s) {
        return new OperationResult(name, false, seconds, message, Map.of(), s);
    }
}
