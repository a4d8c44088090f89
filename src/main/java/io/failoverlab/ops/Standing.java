package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.util.Set;

/**
 * Where a node stands while an operation follows the monitor: its keeper reports, it is down
 * (silent for longer than the monitor's unhealthy timeout), in maintenance, or being dropped.
 * Only reporting nodes hold a wait (docs/architecture.md, Following the monitor).
 */
public enum Standing {
    REPORTING, DOWN, MAINTENANCE, DROPPED;

    /** mustReport: nodes the operation itself brings back, never excused as down. */
    public static Standing of(ClusterSnapshot s, NodeStatus n, Set<String> mustReport) {
        if (n.assignedState() == NodeState.DROPPED || n.reportedState() == NodeState.DROPPED) return DROPPED;
        if (n.assignedState() == NodeState.MAINTENANCE && n.reportedState() == NodeState.MAINTENANCE) return MAINTENANCE;
        if (!mustReport.contains(n.name()) && s.silent(n)) return DOWN;
        return REPORTING;
    }
}
