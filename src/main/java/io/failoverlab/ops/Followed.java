package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeStatus;

import java.util.List;

/**
 * What following the monitor saw: the last snapshot, whether the formation settled before the
 * bound, after how many seconds, and the nodes that did not hold the wait, by their standing.
 */
public record Followed(ClusterSnapshot last, boolean settled, double seconds, Settling settling) {

    public List<String> named(Standing standing) {
        return last.nodes().stream().filter(n -> Standing.of(last, n, settling.mustReport()) == standing)
                .map(NodeStatus::name).toList();
    }

    /** The node that still held the wait at the bound, if any. */
    public String holding() {
        return settling.holding(last).map(NodeStatus::name).orElse("");
    }
}
