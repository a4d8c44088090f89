package io.failoverlab.ui;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.time.Instant;
import java.util.List;

/** Hand-made monitor views for view-model tests. */
public final class Snapshots {
    private Snapshots() { }

    public static NodeStatus node(String name, long id, int port, NodeState reported, NodeState assigned) {
        return new NodeStatus(name, id, 0, "127.0.0.1", port, reported, assigned, NodeStatus.Health.GOOD,
                1, "0/3000148", 50, true, 0.1, 0.1, true);
    }

    public static ClusterSnapshot of(Instant at, NodeStatus... nodes) {
        return new ClusterSnapshot(at, true, null, List.of(nodes));
    }

    public static ClusterSnapshot stable(Instant at) {
        return of(at, node("node1", 1, 6001, NodeState.PRIMARY, NodeState.PRIMARY),
                node("node2", 2, 6002, NodeState.SECONDARY, NodeState.SECONDARY));
    }
}
