package io.failoverlab.lab;

import java.util.Map;
import java.util.Optional;

/**
 * The checkpoints of the monitor as pg_auto_failover's single point of failure, told apart from
 * an operation's step name and figures, so that the window's checklist and the report name them
 * the same way: a fault made while the monitor was down, the monitor back (catching up and
 * deciding what it could not), the monitor replaced.
 */
public enum MonitorCheckpoint {
    FAULT_MONITOR_DOWN("monitorDown"), MONITOR_BACK("monitorBack"), MONITOR_REPLACED("monitorReplaced");

    /** The figure a fault made without a monitor carries (1). */
    public static final String MONITOR_DOWN_FIGURE = "monitorDown";

    private final String key;

    MonitorCheckpoint(String key) { this.key = key; }

    /** The last part of the checkpoint's message key ("checkpoint." + key in the window, "step." + key in the report). */
    public String key() { return key; }

    public static Optional<MonitorCheckpoint> of(String stepName, boolean ok, Map<String, Double> figures) {
        if (stepName == null) return Optional.empty();
        Map<String, Double> f = figures == null ? Map.of() : figures;
        if (f.containsKey(MONITOR_DOWN_FIGURE)) return Optional.of(FAULT_MONITOR_DOWN);
        if (StepIds.is(stepName, StepIds.START_MONITOR) && (f.containsKey("failoverSeconds") || f.containsKey("writesResumedSeconds"))) {
            return Optional.of(MONITOR_BACK);
        }
        if (ok && StepIds.is(stepName, StepIds.REPLACE_MONITOR)) return Optional.of(MONITOR_REPLACED);
        return Optional.empty();
    }
}
