package io.failoverlab.lab;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The monitor's view of the formation at one instant; the only thing views ever render. */
public record ClusterSnapshot(Instant at, boolean monitorReachable, String error, List<NodeStatus> nodes,
                              FormationSettings formation) {

    public ClusterSnapshot {
        if (formation == null) formation = FormationSettings.UNKNOWN;
    }

    /** A snapshot whose formation settings were not read. */
    public ClusterSnapshot(Instant at, boolean monitorReachable, String error, List<NodeStatus> nodes) {
        this(at, monitorReachable, error, nodes, FormationSettings.UNKNOWN);
    }

    public static ClusterSnapshot unreachable(String error) {
        return new ClusterSnapshot(Instant.now(), false, error, List.of());
    }

    /** The node the monitor counts as primary: reported or assigned a writable state, else null. */
    public Optional<NodeStatus> primaryNode() {
        return nodes.stream().filter(n -> n.assignedState().writable() && n.reportedState().writable()).findFirst()
                .or(() -> nodes.stream().filter(n -> n.assignedState().writable() || n.reportedState().writable()).findFirst());
    }

    /**
     * The keeper has not reported for longer than the monitor's unhealthy timeout: the monitor
     * treats the node as gone once its health checks fail too (node_metadata.c IsUnhealthy).
     */
    public boolean silent(NodeStatus n) {
        return n.reportLagSeconds() > formation.unhealthyTimeoutSeconds();
    }

    public Optional<NodeStatus> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The node both reported and assigned primary (stable), if any. */
    public Optional<NodeStatus> stablePrimary() {
        return nodes.stream().filter(n -> n.reportedState() == NodeState.PRIMARY
                && n.assignedState() == NodeState.PRIMARY).findFirst();
    }

    /** The node currently accepting writes by its reported state (primary, wait_primary, single…). */
    public Optional<NodeStatus> writableNode() {
        return nodes.stream().filter(n -> n.reportedState().writable()
                && n.assignedState().writable()).findFirst();
    }

    public long count(NodeState reportedAndAssigned) {
        return nodes.stream().filter(n -> n.reportedState() == reportedAndAssigned
                && n.assignedState() == reportedAndAssigned).count();
    }

    /** One primary and every other node secondary, all settled. */
    public boolean converged() {
        return monitorReachable && !nodes.isEmpty() && count(NodeState.PRIMARY) == 1
                && count(NodeState.SECONDARY) == nodes.size() - 1;
    }

    /** Short one-line summary, e.g. "node1 primary, node2 secondary". */
    public String summary() {
        if (!monitorReachable) return "monitor unreachable" + (error == null ? "" : ": " + error);
        if (nodes.isEmpty()) return "no nodes registered";
        StringBuilder sb = new StringBuilder();
        for (NodeStatus n : nodes) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(n.name()).append(' ').append(n.stateShown());
        }
        return sb.toString();
    }
}
