package io.failoverlab.ui.nodes;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds settled role changes between snapshots: a node counts as primary when reported and
 * assigned are both writable, as secondary when both are secondary; states in between are not
 * a role yet. The first role seen for a node is remembered, not announced. FX thread.
 */
public final class RoleChanges {
    public record Change(String node, NodeRow.Role from, NodeRow.Role to) { }

    private final Map<String, NodeRow.Role> settled = new HashMap<>();

    public List<Change> next(ClusterSnapshot s) {
        List<Change> out = new ArrayList<>();
        if (s == null || !s.monitorReachable()) return out;
        for (NodeStatus n : s.nodes()) {
            NodeRow.Role now = settledRole(n);
            if (now == null) continue;
            NodeRow.Role before = settled.put(n.name(), now);
            if (before != null && before != now) out.add(new Change(n.name(), before, now));
        }
        settled.keySet().retainAll(s.nodes().stream().map(NodeStatus::name).toList());
        return out;
    }

    static NodeRow.Role settledRole(NodeStatus n) {
        if (n.reportedState().writable() && n.assignedState().writable()) return NodeRow.Role.PRIMARY;
        if (n.reportedState() == NodeState.SECONDARY && n.assignedState() == NodeState.SECONDARY) return NodeRow.Role.STANDBY;
        return null;
    }
}
