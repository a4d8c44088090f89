package io.failoverlab.ui;

import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.time.Instant;

/** One line of the node-state table: a node as the monitor saw it, plus since when it is in that state. */
public record NodeRow(NodeStatus node, Instant stateSince) {

    public String name() { return node.name(); }

    public long nodeId() { return node.nodeId(); }

    public String hostPort() { return node.hostPort(); }

    public NodeState reported() { return node.reportedState(); }

    public NodeState assigned() { return node.assignedState(); }

    /** Reported differs from assigned: the keeper is on its way (a transition in flight). */
    public boolean inTransition() { return node.inTransition(); }

    /** What the node is for clients now: the role its reported state gives it. */
    public Role role() {
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

    public enum Role { PRIMARY, STANDBY, NONE }
}
