package io.failoverlab.check;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The data check of every node at one moment. */
public record DataCheckResult(String table, Instant at, List<NodeDataResult> nodes) {

    public DataCheckResult {
        nodes = List.copyOf(nodes);
    }

    /**
     * True when at least one node answered and every reachable node has the table with the same
     * row count and max(ser_id). Unreachable nodes are left out (they are reported per node).
     */
    public boolean allConsistent() {
        List<NodeDataResult> up = reachable();
        if (up.isEmpty()) return false;
        NodeDataResult first = up.get(0);
        return up.stream().allMatch(n -> n.tablePresent()
                && Objects.equals(n.rowCount(), first.rowCount())
                && Objects.equals(n.maxSerId(), first.maxSerId()));
    }

    public boolean allReachable() {
        return nodes.stream().allMatch(NodeDataResult::reachable);
    }

    public List<NodeDataResult> reachable() {
        return nodes.stream().filter(NodeDataResult::reachable).toList();
    }

    /** The first reachable node that is not in recovery. */
    public Optional<NodeDataResult> primary() {
        return nodes.stream().filter(NodeDataResult::isPrimary).findFirst();
    }

    public Optional<NodeDataResult> node(String name) {
        return nodes.stream().filter(n -> n.node().name().equals(name)).findFirst();
    }
}
