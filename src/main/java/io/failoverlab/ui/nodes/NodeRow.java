package io.failoverlab.ui.nodes;

import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.time.Instant;

/** One line of the node-state table: a node as the monitor saw it, plus since when it is in that state. */
public record NodeRow(NodeStatus node, Instant stateSince, Long lagBytes, boolean down) {

    /** A row without a known replication lag (the primary itself, or no primary LSN). */
    public NodeRow(NodeStatus node, Instant stateSince) { this(node, stateSince, null, false); }

    public NodeRow(NodeStatus node, Instant stateSince, Long lagBytes) { this(node, stateSince, lagBytes, false); }

    /** Bytes of WAL this node's reported LSN is behind the writable node's, from the monitor's reports. */
    static Long lagBehind(NodeStatus node, NodeStatus primary) {
        if (primary == null || primary == node || node.lsn() == null || primary.lsn() == null) return null;
        long a = lsn(primary.lsn());
        long b = lsn(node.lsn());
        return a < 0 || b < 0 ? null : Math.max(0, a - b);
    }

    /** pg_lsn text "16/B374D848" as a byte position; -1 when unreadable. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) return -1;
        try {
            return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "—" for none, else bytes in B / kB / MB. */
    public String lagText() {
        if (lagBytes == null) return "—";
        if (lagBytes < 1024) return lagBytes + " B";
        if (lagBytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f kB", lagBytes / 1024.0);
        return String.format(java.util.Locale.ROOT, "%.1f MB", lagBytes / (1024.0 * 1024));
    }


    public String name() { return node.name(); }

    public long nodeId() { return node.nodeId(); }

    public String hostPort() { return node.hostPort(); }

    public NodeState reported() { return node.reportedState(); }

    public NodeState assigned() { return node.assignedState(); }

    /** Reported differs from assigned: the keeper is on its way (a transition in flight). */
    public boolean inTransition() { return node.inTransition(); }

    /**
     * What the node is for clients now: the role its reported state gives it, or down when its
     * keeper has been silent past the monitor's unhealthy timeout (its states are then the last
     * it reported and what the monitor wants of it once it is back).
     */
    public Role role() {
        if (down) return Role.DOWN;
        switch (node.reportedState().connection()) {
            case READ_WRITE: return Role.PRIMARY;
            case READ_ONLY: return Role.STANDBY;
            default: return Role.NONE;
        }
    }

    public String health() { return node.health().name().toLowerCase(java.util.Locale.ROOT); }

    public String tliLsn() { return node.tliLsn(); }

    public int candidatePriority() { return node.candidatePriority(); }

    public boolean quorum() { return node.replicationQuorum(); }

    public NodeState.Connection connection() { return node.reportedState().connection(); }

    /** CSS class for a state's meaning: state-primary, state-secondary, state-down… */
    public static String styleClass(NodeState s) { return "state-" + s.category(); }

    public enum Role { PRIMARY, STANDBY, NONE, DOWN }
}
